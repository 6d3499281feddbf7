package net.smtpfeed.relay.delivery;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.mail.EmailAddress;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Where a delivery status notification goes: through the ISP's outbound relay when one is configured
 * (smtpfeed.bounce.relay), otherwise straight to the most preferred MX host of the sender's domain (or the domain
 * itself when it has no MX, as RFC 5321 says).
 */
public class NoticeRoute {

    private final Optional<Destination> outboundRelay;

    public NoticeRoute(Optional<Destination> outboundRelay) {
        this.outboundRelay = outboundRelay;
    }

    /** Parses "host:port" (or "[ipv6]:port"); a missing port means 25. */
    public static Destination parseRelay(String hostAndPort) {
        String text = hostAndPort.strip();
        int colon = text.lastIndexOf(':');
        boolean hasPort = colon > 0 && !text.substring(colon).contains("]");
        String host = hasPort ? text.substring(0, colon) : text;
        int port = hasPort ? Integer.parseInt(text.substring(colon + 1)) : Destination.SMTP_PORT;
        return new Destination(host.replace("[", "").replace("]", ""), port);
    }

    public Destination forRecipient(String recipient) {
        if (outboundRelay.isPresent()) {
            return outboundRelay.get();
        }
        String domain = EmailAddress.parse(recipient).domain().value();
        try {
            Lookup lookup = new Lookup(domain, Type.MX);
            return Optional.ofNullable(lookup.run()).stream()
                    .flatMap(Arrays::stream)
                    .map(MXRecord.class::cast)
                    .min(Comparator.comparingInt(MXRecord::getPriority))
                    .map(mx -> new Destination(mx.getTarget().toString(true), Destination.SMTP_PORT))
                    .orElse(new Destination(domain, Destination.SMTP_PORT));
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a domain: " + domain, e);
        }
    }
}
