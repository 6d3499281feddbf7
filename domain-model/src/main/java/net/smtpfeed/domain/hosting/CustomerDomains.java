package net.smtpfeed.domain.hosting;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.smtpfeed.domain.audit.AuditEntry;
import net.smtpfeed.domain.audit.AuditTrail;

/**
 * One customer's hosted domains as the portal shows and changes them, inside the caller's transaction. The customer is
 * part of every lookup: another customer's domain is not found, whatever its name.
 */
public final class CustomerDomains {

    private final EntityManager em;

    public CustomerDomains(EntityManager em) {
        this.em = em;
    }

    /** The customer's domains by name. */
    public List<HostedDomain> of(long customerId) {
        return em.createQuery("select d from HostedDomain d where d.customer.id = :customerId order by d.name",
                        HostedDomain.class)
                .setParameter("customerId", customerId)
                .getResultList();
    }

    /** The customer's domain of that name; empty when there is none, or when it is another customer's. */
    public Optional<HostedDomain> find(long customerId, String name) {
        return em.createQuery("select d from HostedDomain d where d.name = :name and d.customer.id = :customerId",
                        HostedDomain.class)
                .setParameter("name", name)
                .setParameter("customerId", customerId)
                .getResultStream()
                .findFirst();
    }

    /**
     * Puts the settings in force and records each setting that changed in the audit log, one entry each, in the same
     * transaction.
     *
     * @return how many settings changed
     */
    public int changeMailSettings(HostedDomain domain, MailSettings wanted, String actor, Instant now) {
        Map<String, String> before = domain.getMailSettings().auditValues();
        domain.changeMailSettings(wanted);
        AuditTrail trail = new AuditTrail(em);
        int changed = 0;
        for (Map.Entry<String, String> after : wanted.auditValues().entrySet()) {
            if (trail.record(actor, domain.getCustomer(), domain.auditSubject(), after.getKey(), before.get(after.getKey()),
                    after.getValue(), now)) {
                changed++;
            }
        }
        return changed;
    }

    /** The domain's audit history: every recorded change to it, newest first, at most {@code max}. */
    public List<AuditEntry> history(HostedDomain domain, int max) {
        return new AuditTrail(em).ofSubject(domain.getCustomer().getId(), domain.auditSubject(), max);
    }
}
