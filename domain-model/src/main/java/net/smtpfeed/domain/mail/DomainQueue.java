package net.smtpfeed.domain.mail;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.HostedDomain;

/**
 * One hosted domain's part of the queue as staff handle it, inside the caller's transaction. Every change is a
 * bulk statement or two, however many deliveries the domain has waiting.
 */
public final class DomainQueue {

    /** The domain's queued and deferred deliveries became due now; its destination, if it was closed, is open. */
    public record RetryNow(String domain, int deliveriesDue, Destination destination) {
    }

    /** The domain's new queue lifetime, and how many waiting deliveries now expire that much later. */
    public record LifetimeExtended(String domain, Duration queueLifetime, int deliveriesExtended) {
    }

    private static final List<DeliveryState> PENDING = List.of(DeliveryState.QUEUED, DeliveryState.DEFERRED,
            DeliveryState.DELIVERING);

    private final EntityManager em;

    public DomainQueue(EntityManager em) {
        this.em = em;
    }

    /**
     * Staff's "retry now": the domain's queued and deferred mail is due at once, and its destination is no longer
     * held closed by earlier failures, so that the next worker connects instead of waiting for the next retry step.
     * Deliveries a worker holds right now are left to it.
     */
    public RetryNow retryNow(HostedDomain domain, Instant now) {
        int due = em.createNamedQuery(Delivery.MAKE_DUE_OF_DOMAIN)
                .setParameter("now", now)
                .setParameter("domainId", domain.getId())
                .executeUpdate();
        Destination destination = domain.getDestination();
        if (destination != null) {
            em.createNamedQuery(DestinationStatus.REOPEN).setParameter("destination", destination.toString()).executeUpdate();
        }
        return new RetryNow(domain.getName(), due, destination);
    }

    /**
     * Extends the domain's queue lifetime (within its bounds, see {@link HostedDomain#extendQueueLifetimeBy}) and
     * gives the mail already waiting for it the same lifetime: each pending delivery now expires at its message's
     * arrival plus the new lifetime, exactly as if it had arrived after the change.
     */
    public LifetimeExtended extendQueueLifetime(HostedDomain domain, Duration extra) {
        Duration lifetime = domain.extendQueueLifetimeBy(extra);
        int extended = em.createNamedQuery(Delivery.RESET_EXPIRY_OF_DOMAIN)
                .setParameter("lifetimeSeconds", lifetime.toSeconds())
                .setParameter("domainId", domain.getId())
                .executeUpdate();
        return new LifetimeExtended(domain.getName(), lifetime, extended);
    }

    /** Every hosted domain with mail still waiting in the queue, by name. */
    public List<PendingMailOfDomain> pendingByDomain() {
        Map<String, String> lastErrors = em.createQuery("""
                        select d.domain.name, d.lastError from Delivery d
                        where d.id in (select max(e.id) from Delivery e
                                       where e.state in :pending and e.lastError is not null and e.domain is not null
                                       group by e.domain.id)""", Object[].class)
                .setParameter("pending", PENDING)
                .getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> (String) row[1]));
        return em.createQuery("""
                        select dom.name, dom.destination, dom.queueLifetimeSeconds,
                               sum(case when d.state = net.smtpfeed.domain.mail.DeliveryState.QUEUED then 1 else 0 end),
                               sum(case when d.state = net.smtpfeed.domain.mail.DeliveryState.DEFERRED then 1 else 0 end),
                               sum(case when d.state = net.smtpfeed.domain.mail.DeliveryState.DELIVERING then 1 else 0 end),
                               min(m.receivedAt),
                               min(case when d.state <> net.smtpfeed.domain.mail.DeliveryState.DELIVERING
                                        then d.nextAttemptAt end),
                               min(d.expiresAt)
                        from Delivery d join d.domain dom join d.message m
                        where d.state in :pending
                        group by dom.id, dom.name, dom.destination, dom.queueLifetimeSeconds
                        order by dom.name""", Object[].class)
                .setParameter("pending", PENDING)
                .getResultStream()
                .map(row -> new PendingMailOfDomain((String) row[0], (Destination) row[1],
                        Duration.ofSeconds(((Number) row[2]).longValue()), ((Number) row[3]).longValue(),
                        ((Number) row[4]).longValue(), ((Number) row[5]).longValue(), (Instant) row[6], (Instant) row[7],
                        (Instant) row[8], lastErrors.get((String) row[0])))
                .toList();
    }
}
