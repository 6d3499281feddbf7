package net.smtpfeed.domain.mail;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.smtpfeed.domain.audit.AuditTrail;

/**
 * The copies that domains' spam actions deleted, kept for a while so that a person can recover a false positive:
 * listed, released to delivery, or purged once their time is over. Inside the caller's transaction.
 */
public final class Quarantine {

    /** Whose quarantine: staff see every domain's, a customer only their own domains'. */
    public record Scope(Long customerId) {

        public static Scope staff() {
            return new Scope(null);
        }

        public static Scope customer(long customerId) {
            return new Scope(customerId);
        }

        boolean covers(Delivery delivery) {
            return customerId == null || customerId.equals(delivery.getDomain().getCustomer().getId());
        }
    }

    private final EntityManager em;

    public Quarantine(EntityManager em) {
        this.em = em;
    }

    /** The quarantined copies in scope, newest first, at most {@code max}. */
    public List<QuarantinedCopy> list(Scope scope, int max) {
        return em.createQuery("""
                        select new net.smtpfeed.domain.mail.QuarantinedCopy(d.id, m.queueId, m.receivedAt, m.envelopeSender,
                               d.recipient, dom.name, d.spamMark.score, d.spamMark.level, d.expiresAt)
                        from Delivery d join d.message m join d.domain dom
                        where d.state = net.smtpfeed.domain.mail.DeliveryState.QUARANTINED
                          and (:customerId is null or dom.customer.id = :customerId)
                        order by d.id desc""", QuarantinedCopy.class)
                .setParameter("customerId", scope.customerId())
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * Takes one copy out of quarantine to be delivered now (see {@link Delivery#release}), with an event on its
     * message and an entry in the audit log that say who did it.
     *
     * @return the released copy, or empty when there is no such copy in quarantine in this scope (already released,
     *         purged, or another customer's)
     */
    public Optional<Delivery> release(long deliveryId, Scope scope, String releasedBy, Instant now) {
        Delivery delivery = em.find(Delivery.class, deliveryId);
        if (delivery == null || delivery.getState() != DeliveryState.QUARANTINED || !scope.covers(delivery)) {
            return Optional.empty();
        }
        delivery.release(now);
        em.persist(new MessageEvent(delivery.getMessage(), delivery.getDomain(), now, Stage.QUARANTINE, "RELEASED",
                delivery.getRecipient() + " released by " + releasedBy));
        new AuditTrail(em).record(releasedBy, delivery.getDomain().getCustomer(), "domain " + delivery.getDomain().getName(),
                "quarantine release", null, delivery.getMessage().getQueueId() + " to " + delivery.getRecipient(), now);
        return Optional.of(delivery);
    }

    /** Discards the copies whose quarantine is over; they stay in the message log as discarded. */
    public int purge(Instant now) {
        return em.createNamedQuery(Delivery.PURGE_QUARANTINE).setParameter("now", now).executeUpdate();
    }
}
