package net.smtpfeed.domain.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses IP address literals without ever asking DNS: text that is not an IPv4 dotted quad or an IPv6 literal is
 * refused. An IPv4-mapped IPv6 address (::ffff:192.0.2.1) comes back as its IPv4 address, as the JDK parses it.
 */
public final class IpAddresses {

    private IpAddresses() {
    }

    /** The address's bytes: 4 for IPv4, 16 for IPv6. */
    public static byte[] parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("not an IP address: " + (text == null ? "null" : "\"" + text + "\""));
        }
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (literal.indexOf(':') < 0) {
            return parseIpv4(literal, text);
        }
        if (!literal.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("not an IP address: \"" + text + "\"");
        }
        try {
            // A literal containing ':' is parsed, never resolved: an invalid one fails without a lookup.
            InetAddress address = InetAddress.getByName(literal);
            if (!(address instanceof Inet6Address) && !(address instanceof Inet4Address)) {
                throw new IllegalArgumentException("not an IP address: \"" + text + "\"");
            }
            return address.getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: \"" + text + "\"", e);
        }
    }

    private static byte[] parseIpv4(String literal, String original) {
        String[] parts = literal.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IP address: \"" + original + "\"");
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("not an IP address: \"" + original + "\"");
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                throw new IllegalArgumentException("not an IP address: \"" + original + "\" (" + part + " > 255)");
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    /** IPv4 dotted quad, or IPv6 in the RFC 5952 canonical form (lower case, longest run of zero groups as ::). */
    public static String format(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    /** The address with every bit after the first prefixLength set to zero. */
    public static byte[] maskTo(byte[] address, int prefixLength) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int bitsKept = Math.max(0, Math.min(8, prefixLength - 8 * i));
            masked[i] = (byte) (masked[i] & (0xff << (8 - bitsKept)));
        }
        return masked;
    }
}
