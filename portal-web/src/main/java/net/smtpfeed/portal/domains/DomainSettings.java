package net.smtpfeed.portal.domains;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import net.smtpfeed.domain.hosting.CustomerDomains;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.hosting.MailSettings;
import net.smtpfeed.domain.spam.SpamThresholdBounds;

/**
 * A customer's domains and their settings, each call in one transaction: a change and its audit entries commit
 * together. The customer is part of every lookup, so another customer's domain is never found here.
 */
@Stateless
public class DomainSettings {

    /** The most audit entries a domain's page lists. */
    static final int HISTORY = 100;

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Inject
    private SpamThresholdLimits limits;

    public Optional<DomainView> view(long customerId, String name) {
        CustomerDomains domains = new CustomerDomains(em);
        return domains.find(customerId, name).map(domain -> new DomainView(domain, domains.history(domain, HISTORY)));
    }

    /**
     * Puts the form's settings in force for the customer's domain, in the relay from its next message on.
     *
     * @return how many settings changed; empty when the customer has no such domain
     * @throws SettingsRefused when the domain model refuses the settings; then nothing changed
     */
    public OptionalInt change(long customerId, String name, SettingsForm form, String actor) throws SettingsRefused {
        CustomerDomains domains = new CustomerDomains(em);
        Optional<HostedDomain> found = domains.find(customerId, name);
        if (found.isEmpty()) {
            return OptionalInt.empty();
        }
        HostedDomain domain = found.get();
        // Outside the try: bounds that make no sense are the operator's mistake, not a refusal of the customer's form.
        SpamThresholdBounds bounds = limits.bounds();
        MailSettings wanted;
        try {
            wanted = form.toSettings(domain.getMailSettings(), bounds);
        } catch (IllegalArgumentException rule) {
            throw new SettingsRefused(rule);
        }
        return OptionalInt.of(domains.changeMailSettings(domain, wanted, actor, Instant.now()));
    }
}
