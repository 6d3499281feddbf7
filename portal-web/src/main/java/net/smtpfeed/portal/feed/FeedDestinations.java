package net.smtpfeed.portal.feed;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.smtpfeed.domain.feed.DestinationRules;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The rules for feed destinations, from the relay's own addresses and its listener, as configured. */
@ApplicationScoped
public class FeedDestinations {

    @Inject
    @ConfigProperty(name = "smtpfeed.relay.own-addresses")
    Optional<String> ownAddresses;

    @Inject
    @ConfigProperty(name = "smtpfeed.smtp.bind-address", defaultValue = "127.0.0.1")
    String listenerAddress;

    @Inject
    @ConfigProperty(name = "smtpfeed.smtp.port", defaultValue = "2525")
    int listenerPort;

    @Inject
    @ConfigProperty(name = "smtpfeed.portal.allow-private-destinations", defaultValue = "false")
    boolean privateAllowed;

    private DestinationRules rules;

    @PostConstruct
    void init() {
        List<String> own = ownAddresses.stream().flatMap(list -> Stream.of(list.split(",")))
                .map(String::strip).filter(address -> !address.isEmpty()).toList();
        try {
            rules = new DestinationRules(own, listenerIpAddress(), listenerPort, privateAllowed);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("smtpfeed.relay.own-addresses must list IP addresses: " + e.getMessage(), e);
        }
    }

    /** The listener binds what its setting names, which may be a host name. */
    private String listenerIpAddress() {
        try {
            return InetAddress.getByName(listenerAddress).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("smtpfeed.smtp.bind-address " + listenerAddress + " does not resolve", e);
        }
    }

    public DestinationRules rules() {
        return rules;
    }
}
