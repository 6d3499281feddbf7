package net.smtpfeed.domain.mail;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How a worker takes due deliveries from the queue, inside the caller's transaction: it locks them with
 * SELECT ... FOR UPDATE SKIP LOCKED (concurrent workers, on this node or another, take other rows instead of waiting)
 * and stamps them with its own token and a lease. A worker that dies leaves rows whose lease ends; they are due again.
 */
public final class DeliveryClaims {

    private final EntityManager em;

    public DeliveryClaims(EntityManager em) {
        this.em = em;
    }

    /** Up to limit due deliveries of any message, oldest first. */
    public List<Delivery> claimDue(Instant now, int limit, Duration lease) {
        return claim(em.createNamedQuery(Delivery.LOCK_DUE).setParameter(1, now).setParameter(2, limit), now, lease);
    }

    /** The due deliveries of one message: the path of a message accepted a moment ago. */
    public List<Delivery> claimOfMessage(long messageId, Instant now, Duration lease) {
        return claim(em.createNamedQuery(Delivery.LOCK_DUE_OF_MESSAGE).setParameter(1, now).setParameter(2, messageId),
                now, lease);
    }

    private List<Delivery> claim(Query lockDue, Instant now, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Long> ids = ((List<Number>) lockDue.getResultList()).stream().map(Number::longValue).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        String token = UUID.randomUUID().toString();
        em.createNamedQuery(Delivery.CLAIM).setParameter("token", token).setParameter("leasedUntil", now.plus(lease))
                .setParameter("ids", ids).executeUpdate();
        return em.createNamedQuery(Delivery.CLAIMED_BY, Delivery.class).setParameter("token", token).getResultList();
    }
}
