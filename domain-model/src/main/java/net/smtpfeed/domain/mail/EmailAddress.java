package net.smtpfeed.domain.mail;

import net.smtpfeed.domain.hosting.DomainName;

/** An envelope address (RFC 5321 mailbox): a local part and a domain, the domain in canonical form. */
public record EmailAddress(String localPart, DomainName domain) {

    public EmailAddress {
        if (localPart == null || localPart.isEmpty() || localPart.length() > 64) {
            throw new IllegalArgumentException("bad local part: " + localPart);
        }
    }

    /** Parses the address of a MAIL FROM or RCPT TO, with or without angle brackets. */
    public static EmailAddress parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no address");
        }
        String address = text.strip();
        if (address.startsWith("<") && address.endsWith(">")) {
            address = address.substring(1, address.length() - 1);
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            throw new IllegalArgumentException("not an address: " + text);
        }
        return new EmailAddress(address.substring(0, at), DomainName.of(address.substring(at + 1)));
    }

    /**
     * Whether a MAIL FROM address is worth taking: we relay for the recipient's domain, so the sender need only be
     * one token with a local part and a host ("root@server" from a local tool is common and harmless).
     */
    public static boolean isPlausibleSender(String text) {
        if (text == null || text.length() > 254) {
            return false;
        }
        int at = text.lastIndexOf('@');
        return at > 0 && at < text.length() - 1 && text.chars().noneMatch(c -> c <= ' ' || c == '<' || c == '>' || c == 127);
    }

    @Override
    public String toString() {
        return localPart + "@" + domain;
    }
}
