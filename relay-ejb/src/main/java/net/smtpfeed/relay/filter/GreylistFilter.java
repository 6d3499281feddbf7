package net.smtpfeed.relay.filter;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.smtpfeed.domain.net.Cidr;
import net.smtpfeed.domain.greylist.Greylist;
import net.smtpfeed.domain.greylist.GreylistSettings;
import net.smtpfeed.domain.greylist.GreylistVerdict;
import net.smtpfeed.domain.greylist.Triplet;
import net.smtpfeed.relay.smtp.Greylisting;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Greylisting with its state in the database, so that every relay node sharing it agrees: a client network or sender
 * domain whitelisted in configuration passes, any other triplet is judged by {@link Greylist}.
 */
@Stateless
@Local(Greylisting.class)
@LocalBean // the housekeeping job calls purge(), which is not part of the Greylisting view
public class GreylistFilter implements Greylisting {

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "smtpfeed.greylist.delay", defaultValue = "PT5M")
    Duration delay;

    @Inject
    @ConfigProperty(name = "smtpfeed.greylist.retry-window", defaultValue = "P2D")
    Duration retryWindow;

    @Inject
    @ConfigProperty(name = "smtpfeed.greylist.max-age", defaultValue = "P35D")
    Duration maxAge;

    @Inject
    @ConfigProperty(name = "smtpfeed.greylist.auto-whitelist-after", defaultValue = "5")
    int autoWhitelistAfter;

    @Inject
    @ConfigProperty(name = "smtpfeed.greylist.whitelist-networks")
    Optional<List<String>> whitelistNetworks;

    @Inject
    @ConfigProperty(name = "smtpfeed.greylist.whitelist-senders")
    Optional<List<String>> whitelistSenders;

    private GreylistSettings settings;
    private List<Cidr> trustedNetworks;
    private Set<String> trustedSenderDomains;

    @PostConstruct
    void init() {
        settings = new GreylistSettings(delay, retryWindow, maxAge, autoWhitelistAfter);
        trustedNetworks = whitelistNetworks.orElse(List.of()).stream().map(String::strip).map(GreylistFilter::network).toList();
        trustedSenderDomains = whitelistSenders.orElse(List.of()).stream().map(d -> d.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public GreylistVerdict check(String clientAddress, String sender, String recipient) {
        if (trustedNetworks.stream().anyMatch(network -> network.contains(clientAddress))) {
            return new GreylistVerdict.Pass("client network whitelisted in configuration");
        }
        String senderDomain = sender.substring(sender.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (!sender.isEmpty() && trustedSenderDomains.contains(senderDomain)) {
            return new GreylistVerdict.Pass("sender domain whitelisted in configuration");
        }
        return new Greylist(em, settings).check(Triplet.of(clientAddress, sender, recipient), Instant.now());
    }

    /** Forgets triplets and networks that have had their time. */
    public int purge() {
        return new Greylist(em, settings).purge(Instant.now());
    }

    private static Cidr network(String cidr) {
        try {
            return Cidr.parse(cidr);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("smtpfeed.greylist.whitelist-networks: " + e.getMessage(), e);
        }
    }
}
