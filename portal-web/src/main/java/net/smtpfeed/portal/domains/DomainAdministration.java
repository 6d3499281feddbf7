package net.smtpfeed.portal.domains;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.smtpfeed.domain.audit.AuditTrail;
import net.smtpfeed.domain.hosting.DomainDirectory;
import net.smtpfeed.domain.hosting.DomainStatus;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.hosting.QueueLifetimeTooLong;
import net.smtpfeed.domain.mail.DomainQueue;
import net.smtpfeed.portal.security.StaffOnly;
import net.smtpfeed.relay.queue.QueueAdministration;

/**
 * Staff's view of every customer's domains and their actions on one: suspend, reactivate, retry its queue now, and
 * extend its queue lifetime. Each action is one transaction with its audit entry; the relay reads a domain's status at
 * every RCPT TO, so a suspension takes effect with the next recipient.
 */
@Stateless
@StaffOnly
public class DomainAdministration {

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Inject
    private QueueAdministration queue;

    public List<HostedDomain> search(String text, int max) {
        return new DomainDirectory(em).search(text, max);
    }

    public void suspend(String domainName, String staff) {
        HostedDomain domain = domain(domainName);
        DomainStatus before = domain.getStatus();
        domain.suspend();
        recordStatus(domain, before, staff);
    }

    public void reactivate(String domainName, String staff) {
        HostedDomain domain = domain(domainName);
        DomainStatus before = domain.getStatus();
        domain.reactivate();
        recordStatus(domain, before, staff);
    }

    public DomainQueue.RetryNow retryNow(String domainName, String staff) {
        DomainQueue.RetryNow retry = queue.retryNow(domainName);
        new AuditTrail(em).record(staff, domain(domainName).getCustomer(), "domain " + domainName, "retry now", null,
                retry.deliveriesDue() + " deliveries due now", Instant.now());
        return retry;
    }

    /** @return empty when the queue lifetime is at its maximum already; then nothing changed */
    public Optional<DomainQueue.LifetimeExtended> extendQueueLifetime(String domainName, Duration extra, String staff) {
        HostedDomain domain = domain(domainName);
        Duration before = domain.getQueueLifetime();
        DomainQueue.LifetimeExtended extended;
        try {
            extended = queue.extendQueueLifetime(domainName, extra);
        } catch (QueueLifetimeTooLong refused) {
            // The relay marked the transaction for rollback: nothing changes.
            return Optional.empty();
        }
        new AuditTrail(em).record(staff, domain.getCustomer(), "domain " + domainName, "queue lifetime", before,
                extended.queueLifetime(), Instant.now());
        return Optional.of(extended);
    }

    private void recordStatus(HostedDomain domain, DomainStatus before, String staff) {
        new AuditTrail(em).record(staff, domain.getCustomer(), "domain " + domain.getName(), "status", before,
                domain.getStatus(), Instant.now());
    }

    private HostedDomain domain(String name) {
        return em.createNamedQuery(HostedDomain.BY_NAME, HostedDomain.class).setParameter("name", name)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no hosted domain " + name));
    }
}
