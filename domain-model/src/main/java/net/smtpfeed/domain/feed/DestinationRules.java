package net.smtpfeed.domain.feed;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.net.Cidr;
import net.smtpfeed.domain.net.IpAddresses;

/**
 * Where a customer may have their mail relayed: to their own server, given as an IP literal (the relay never looks a
 * name up), never to the relay itself, and to a loopback, private or link-local address only where staff allow it.
 */
public final class DestinationRules {

    /** Why a destination is refused. */
    public enum Refusal {
        NOT_AN_IP_ADDRESS,
        PORT_OUT_OF_RANGE,
        /** An address no server can have: unspecified, multicast, broadcast or reserved. */
        UNROUTABLE_ADDRESS,
        /** One of the relay's own addresses: the mail would come back to us. */
        OWN_ADDRESS,
        /** The relay's own SMTP listener. */
        OUR_LISTENER,
        PRIVATE_ADDRESS
    }

    /** "This network", multicast, and the reserved block up to the broadcast address. */
    private static final List<Cidr> UNROUTABLE = blocks("0.0.0.0/8", "224.0.0.0/4", "240.0.0.0/4", "::/128",
            "ff00::/8");
    private static final List<Cidr> LOOPBACK = blocks("127.0.0.0/8", "::1/128");
    /** Loopback, RFC 1918, shared (carrier-grade NAT), unique local and link-local. */
    private static final List<Cidr> PRIVATE = blocks("127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12",
            "192.168.0.0/16", "100.64.0.0/10", "fc00::/7", "169.254.0.0/16", "fe80::/10");
    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::");

    private final Set<String> ownAddresses;
    private final String listenerAddress;
    private final int listenerPort;
    private final boolean privateAllowed;

    /**
     * @param ownAddresses    the relay's addresses as the world reaches them, refused at any port
     * @param listenerAddress the address the SMTP listener binds (an IP literal, or a wildcard), refused at its port
     * @param privateAllowed  whether loopback, private and link-local addresses are allowed (test and demo systems)
     * @throws IllegalArgumentException when one of the relay's addresses is not an IP literal
     */
    public DestinationRules(Collection<String> ownAddresses, String listenerAddress, int listenerPort,
                            boolean privateAllowed) {
        this.ownAddresses = ownAddresses.stream().map(DestinationRules::canonical).collect(Collectors.toUnmodifiableSet());
        this.listenerAddress = canonical(listenerAddress);
        this.listenerPort = listenerPort;
        this.privateAllowed = privateAllowed;
    }

    /**
     * @return the destination, its address written canonically (so that one server always has one spelling)
     * @throws DestinationRefused saying why when mail may not go there
     */
    public Destination check(String address, int port) {
        String canonical;
        try {
            canonical = canonical(address);
        } catch (IllegalArgumentException notAnAddress) {
            throw new DestinationRefused(Refusal.NOT_AN_IP_ADDRESS, address);
        }
        if (port < 1 || port > 65535) {
            throw new DestinationRefused(Refusal.PORT_OUT_OF_RANGE, String.valueOf(port));
        }
        if (within(UNROUTABLE, canonical)) {
            throw new DestinationRefused(Refusal.UNROUTABLE_ADDRESS, canonical);
        }
        if (ownAddresses.contains(canonical)) {
            throw new DestinationRefused(Refusal.OWN_ADDRESS, canonical);
        }
        if (port == listenerPort && isListenerAddress(canonical)) {
            throw new DestinationRefused(Refusal.OUR_LISTENER, canonical + ":" + port);
        }
        if (!privateAllowed && within(PRIVATE, canonical)) {
            throw new DestinationRefused(Refusal.PRIVATE_ADDRESS, canonical);
        }
        return new Destination(canonical, port);
    }

    /** A listener bound to every interface answers on loopback too, and on each of our own addresses. */
    private boolean isListenerAddress(String address) {
        if (WILDCARDS.contains(listenerAddress)) {
            return within(LOOPBACK, address) || ownAddresses.contains(address);
        }
        return listenerAddress.equals(address);
    }

    private static String canonical(String address) {
        return IpAddresses.format(IpAddresses.parse(address));
    }

    private static boolean within(List<Cidr> blocks, String address) {
        return blocks.stream().anyMatch(block -> block.contains(address));
    }

    private static List<Cidr> blocks(String... cidrs) {
        return List.of(cidrs).stream().map(Cidr::parse).toList();
    }
}
