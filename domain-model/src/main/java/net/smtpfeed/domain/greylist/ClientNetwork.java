package net.smtpfeed.domain.greylist;

import net.smtpfeed.domain.net.IpAddresses;

/**
 * The network a client connects from, as greylisting counts it: an IPv4 address's /24, an IPv6 address's /64. A large
 * sender retries from another host of the same pool, and a greylist keyed on the single address would defer it again.
 */
public final class ClientNetwork {

    private static final int IPV4_PREFIX = 24;
    private static final int IPV6_PREFIX = 64;

    private final String value;

    private ClientNetwork(String value) {
        this.value = value;
    }

    /** @throws IllegalArgumentException when ipAddress is not an IPv4 or IPv6 address literal */
    public static ClientNetwork of(String ipAddress) {
        byte[] address = IpAddresses.parse(ipAddress);
        int prefix = address.length == 4 ? IPV4_PREFIX : IPV6_PREFIX;
        return new ClientNetwork(IpAddresses.format(IpAddresses.maskTo(address, prefix)) + "/" + prefix);
    }

    /** "192.0.2.0/24" or "2001:db8:1:2::/64". */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientNetwork network && network.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
