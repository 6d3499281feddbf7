package net.smtpfeed.relay.metrics;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.smtpfeed.domain.mail.DeliveryState;

/** Counts the queue as it stands, for the gauges, the health checks and the staff status page's samples. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class QueueCensus {

    /** The states a gauge shows: the copies still owed a delivery, and those held in quarantine. */
    public static final List<DeliveryState> WAITING_STATES = List.of(DeliveryState.QUEUED, DeliveryState.DELIVERING,
            DeliveryState.DEFERRED, DeliveryState.QUARANTINED);

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    /** How many copies are in each waiting state; a state with none is there with zero. */
    public Map<DeliveryState, Long> depthByState() {
        Map<DeliveryState, Long> depth = new EnumMap<>(DeliveryState.class);
        WAITING_STATES.forEach(state -> depth.put(state, 0L));
        em.createQuery("select d.state, count(d) from Delivery d where d.state in :states group by d.state", Object[].class)
                .setParameter("states", WAITING_STATES).getResultList()
                .forEach(row -> depth.put((DeliveryState) row[0], (Long) row[1]));
        return depth;
    }

    /** When the message of the oldest deferred copy arrived. */
    public Optional<Instant> oldestDeferredArrival() {
        return Optional.ofNullable(em.createQuery(
                "select min(m.receivedAt) from Delivery d join d.message m where d.state = :deferred", Instant.class)
                .setParameter("deferred", DeliveryState.DEFERRED).getSingleResult());
    }

    /** Since when the longest-waiting due copy has been due (and not yet taken by a worker). */
    public Optional<Instant> oldestDueSince(Instant now) {
        return Optional.ofNullable(em.createQuery("""
                select min(d.nextAttemptAt) from Delivery d
                where d.state in :due and d.nextAttemptAt <= :now""", Instant.class)
                .setParameter("due", List.of(DeliveryState.QUEUED, DeliveryState.DEFERRED))
                .setParameter("now", now).getSingleResult());
    }
}
