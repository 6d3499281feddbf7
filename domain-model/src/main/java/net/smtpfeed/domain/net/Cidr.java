package net.smtpfeed.domain.net;

import java.util.Arrays;

/** A block of IP addresses, such as "10.0.0.0/8" or "2001:db8::/32". */
public final class Cidr {

    private final byte[] network;
    private final int prefixLength;

    private Cidr(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * A bare address is a block of one (/32 or /128). Host bits after the prefix are ignored: "192.0.2.7/24" is
     * 192.0.2.0/24.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static Cidr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty CIDR: expected an address and an optional /prefix, such as 10.0.0.0/8");
        }
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String addressText = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] address;
        try {
            address = IpAddresses.parse(addressText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad CIDR \"" + text + "\": \"" + addressText + "\" is not an IP address", e);
        }
        int maxPrefix = address.length * 8;
        int prefix = maxPrefix;
        if (slash >= 0) {
            String prefixText = trimmed.substring(slash + 1);
            if (prefixText.isEmpty() || prefixText.length() > 3 || !prefixText.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("bad CIDR \"" + text + "\": prefix length \"" + prefixText
                        + "\" is not a number from 0 to " + maxPrefix);
            }
            prefix = Integer.parseInt(prefixText);
            if (prefix > maxPrefix) {
                throw new IllegalArgumentException("bad CIDR \"" + text + "\": prefix length " + prefix
                        + " is longer than the address's " + maxPrefix + " bits");
            }
        }
        return new Cidr(IpAddresses.maskTo(address, prefix), prefix);
    }

    /**
     * Whether ipAddress lies in this block; false for an address of the other family.
     *
     * @throws IllegalArgumentException when ipAddress is not an IP address literal
     */
    public boolean contains(String ipAddress) {
        byte[] address = IpAddresses.parse(ipAddress);
        return address.length == network.length && Arrays.equals(IpAddresses.maskTo(address, prefixLength), network);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr cidr && cidr.prefixLength == prefixLength && Arrays.equals(cidr.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return IpAddresses.format(network) + "/" + prefixLength;
    }
}
