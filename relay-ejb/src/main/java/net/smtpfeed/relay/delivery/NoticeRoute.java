package net.smtpfeed.relay.delivery;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.mail.EmailAddress;
import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Where a delivery status notification goes: through the ISP's outbound relay when one is configured
 * (smtpfeed.bounce.relay), otherwise to the MX hosts of the sender's domain as RFC 5321 section 5.1 says: in order of
 * preference (hosts of equal preference in random order), the domain itself when it has no MX but an address (the
 * implicit MX), nowhere when it has a null MX (RFC 7505) or does not exist, and later when DNS cannot answer now.
 */
public class NoticeRoute {

    /** How long one DNS server has to answer, as the system resolver's default (resolv.conf "timeout:"). */
    public static final Duration DNS_TIMEOUT = Duration.ofSeconds(5);

    private final Optional<Destination> outboundRelay;
    private final Resolver resolver;
    private final Cache cache = new Cache(DClass.IN);

    public NoticeRoute(Optional<Destination> outboundRelay, Resolver resolver) {
        this.outboundRelay = outboundRelay;
        this.resolver = resolver;
    }

    /**
     * The resolver for smtpfeed.dns.servers: one or more "host[:port]" (IPv6 as "[addr]:port"), comma-separated, tried
     * in turn, each given {@link #DNS_TIMEOUT} to answer; none given means the system's resolvers.
     */
    public static Resolver resolver(Optional<String> dnsServers) {
        return resolver(dnsServers, DNS_TIMEOUT);
    }

    /** As {@link #resolver(Optional)}, with each server given this long to answer. */
    public static Resolver resolver(Optional<String> dnsServers, Duration timeoutPerServer) {
        List<String> servers = dnsServers.stream().flatMap(s -> Arrays.stream(s.split(","))).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        if (servers.isEmpty()) {
            return Lookup.getDefaultResolver();
        }
        List<Resolver> resolvers = new ArrayList<>();
        for (String server : servers) {
            Destination address = parseHostAndPort(server, 53);
            try {
                SimpleResolver one = new SimpleResolver(new InetSocketAddress(address.getHost(), address.getPort()));
                one.setTimeout(timeoutPerServer);
                resolvers.add(one);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a DNS server: " + server, e);
            }
        }
        if (resolvers.size() == 1) {
            return resolvers.get(0);
        }
        // One try per server, the whole lookup bounded by all of them timing out.
        ExtendedResolver inTurn = new ExtendedResolver(resolvers);
        inTurn.setRetries(1);
        inTurn.setTimeout(timeoutPerServer.multipliedBy(resolvers.size()).plusSeconds(1));
        return inTurn;
    }

    /** Parses "host:port" (or "[ipv6]:port"); a missing port means 25. */
    public static Destination parseRelay(String hostAndPort) {
        return parseHostAndPort(hostAndPort, Destination.SMTP_PORT);
    }

    private static Destination parseHostAndPort(String hostAndPort, int defaultPort) {
        String text = hostAndPort.strip();
        int colon = text.lastIndexOf(':');
        boolean bracketed = text.startsWith("[");
        boolean hasPort = colon > 0 && (bracketed ? text.substring(colon).indexOf(']') < 0 && text.charAt(colon - 1) == ']'
                : text.indexOf(':') == colon);
        String host = hasPort ? text.substring(0, colon) : text;
        int port = hasPort ? Integer.parseInt(text.substring(colon + 1)) : defaultPort;
        return new Destination(host.replace("[", "").replace("]", ""), port);
    }


    /**
     * Every host to try for a notice to this recipient, in order: the next one when a host cannot be reached. Never
     * empty.
     *
     * @throws NoRoute when there is none: permanently (null MX, no such domain, no address) or for now (DNS failure)
     */
    public List<Destination> destinationsFor(String recipient) {
        if (outboundRelay.isPresent()) {
            return List.of(outboundRelay.get());
        }
        String domain = EmailAddress.parse(recipient).domain().value();
        Name name;
        try {
            name = Name.fromString(domain, Name.root);
        } catch (TextParseException e) {
            throw NoRoute.permanent("550 5.1.2 <" + recipient + ">: not a domain name: " + domain);
        }
        Lookup mx = lookup(name, Type.MX);
        switch (mx.getResult()) {
            case Lookup.SUCCESSFUL:
                return mxHosts(recipient, domain, mx.getAnswers());
            case Lookup.TYPE_NOT_FOUND:
                return implicitMx(recipient, name, domain);
            case Lookup.HOST_NOT_FOUND:
                throw NoRoute.permanent("550 5.1.2 <" + recipient + ">: domain " + domain + " does not exist");
            default:
                throw NoRoute.temporary("451 4.4.3 <" + recipient + ">: MX lookup for " + domain + " failed: "
                        + mx.getErrorString());
        }
    }

    private List<Destination> mxHosts(String recipient, String domain, Record[] answers) {
        List<MXRecord> records = Arrays.stream(answers).filter(MXRecord.class::isInstance).map(MXRecord.class::cast)
                .toList();
        // RFC 7505: a single MX with an empty target (".") says the domain takes no mail at all.
        if (records.stream().anyMatch(mx -> mx.getTarget().equals(Name.root))) {
            throw NoRoute.permanent("556 5.1.10 <" + recipient + ">: domain " + domain + " accepts no mail (null MX)");
        }
        List<Destination> hosts = new ArrayList<>();
        records.stream().collect(Collectors.groupingBy(MXRecord::getPriority)).entrySet().stream()
                .sorted(Comparator.comparingInt(e -> e.getKey()))
                .forEach(samePreference -> {
                    List<MXRecord> group = new ArrayList<>(samePreference.getValue());
                    Collections.shuffle(group, ThreadLocalRandom.current());
                    group.forEach(mx -> hosts.add(new Destination(mx.getTarget().toString(true), Destination.SMTP_PORT)));
                });
        return hosts.stream().distinct().toList();
    }

    /** No MX: the domain itself is the mail server if it has an address (RFC 5321 section 5.1). */
    private List<Destination> implicitMx(String recipient, Name name, String domain) {
        boolean temporaryFailure = false;
        String error = "";
        for (int type : new int[] {Type.A, Type.AAAA}) {
            Lookup address = lookup(name, type);
            switch (address.getResult()) {
                case Lookup.SUCCESSFUL:
                    return List.of(new Destination(domain, Destination.SMTP_PORT));
                case Lookup.TYPE_NOT_FOUND, Lookup.HOST_NOT_FOUND:
                    break;
                default:
                    temporaryFailure = true;
                    error = address.getErrorString();
            }
        }
        if (temporaryFailure) {
            throw NoRoute.temporary("451 4.4.3 <" + recipient + ">: address lookup for " + domain + " failed: " + error);
        }
        throw NoRoute.permanent("550 5.1.2 <" + recipient + ">: domain " + domain + " has neither MX nor address records");
    }

    private Lookup lookup(Name name, int type) {
        Lookup lookup = new Lookup(name, type);
        lookup.setResolver(resolver);
        lookup.setCache(cache);
        lookup.run();
        return lookup;
    }

    /**
     * No host to send a notice to. The reply is written as a server's would be, with its enhanced status code
     * (RFC 3463, RFC 7505), so that the notice's delivery records it like any refusal: permanent ones end it, temporary
     * ones defer it.
     */
    public static final class NoRoute extends RuntimeException {

        private final boolean permanent;

        private NoRoute(String reply, boolean permanent) {
            super(reply);
            this.permanent = permanent;
        }

        static NoRoute permanent(String reply) {
            return new NoRoute(reply, true);
        }

        static NoRoute temporary(String reply) {
            return new NoRoute(reply, false);
        }

        public boolean isPermanent() {
            return permanent;
        }

        /** The reply, e.g. "556 5.1.10 ... accepts no mail (null MX)" or "451 4.4.3 ... MX lookup ... failed". */
        public String reply() {
            return getMessage();
        }
    }
}
