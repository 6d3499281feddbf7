package net.smtpfeed.domain.mail;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * How a relay node takes deliveries from the queue, inside the caller's transaction. Due rows are locked with
 * SELECT ... FOR UPDATE SKIP LOCKED (concurrent workers, on this node or another, take other rows instead of waiting)
 * and stamped with a token and a lease; new deliveries are claimed by the node that accepts them. A token names its
 * node, so that a node coming back after a crash takes back at once what it held; the rows of a node that does not
 * come back are due again when their lease ends.
 */
public final class DeliveryClaims {

    private final EntityManager em;
    private final String node;

    /** @param node the relay node's name, unique among the nodes that share the queue */
    public DeliveryClaims(EntityManager em, String node) {
        this.em = em;
        this.node = node;
    }

    /** Up to limit due deliveries of any message, oldest first. */
    public List<Delivery> claimDue(Instant now, int limit, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Long> ids = ((List<Number>) em.createNamedQuery(Delivery.LOCK_DUE).setParameter(1, now).setParameter(2, limit)
                .getResultList()).stream().map(Number::longValue).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        String token = newToken();
        em.createNamedQuery(Delivery.CLAIM).setParameter("token", token).setParameter("leasedUntil", now.plus(lease))
                .setParameter("ids", ids).executeUpdate();
        return em.createNamedQuery(Delivery.CLAIMED_BY, Delivery.class).setParameter("token", token)
                .setParameter("ids", ids).getResultList();
    }

    /** New deliveries, just persisted by the accepting transaction: this node delivers them. */
    public void claimNew(List<Delivery> deliveries, Instant now, Duration lease) {
        String token = newToken();
        deliveries.forEach(d -> d.claim(token, now.plus(lease)));
    }

    /**
     * Extends the leases of claims whose deliveries are still under way (a large message to a slow server can take
     * longer than one lease), so that no other worker takes them over meanwhile.
     */
    public int renew(Collection<String> tokens, Instant now, Duration lease) {
        if (tokens.isEmpty()) {
            return 0;
        }
        return em.createNamedQuery(Delivery.RENEW_LEASES).setParameter("leasedUntil", now.plus(lease))
                .setParameter("tokens", tokens).executeUpdate();
    }

    /** After a restart: what this node held when it stopped is due again now, without waiting for the lease. */
    public int releaseAll(Instant now) {
        return em.createNamedQuery(Delivery.RELEASE_CLAIMS_OF_NODE).setParameter("now", now)
                .setParameter("nodePrefix", node + "/%").executeUpdate();
    }

    private String newToken() {
        return node + "/" + UUID.randomUUID();
    }
}
