package net.smtpfeed.relay.queue;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.MessageEvent;
import net.smtpfeed.domain.mail.RetrySchedule;
import net.smtpfeed.domain.mail.Stage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The queue's book-keeping, each step in its own short transaction so that no database transaction is open while a
 * worker talks to a customer's server: which messages are due, claiming their deliveries, recording the outcome.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class QueueLedger {

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "smtpfeed.queue.retry-first", defaultValue = "PT1M")
    Duration firstRetry;

    @Inject
    @ConfigProperty(name = "smtpfeed.queue.retry-max", defaultValue = "PT5M")
    Duration maximumRetry;

    public List<Long> dueMessages(Instant now, int limit) {
        return em.createNamedQuery(Delivery.MESSAGES_DUE, Long.class).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    /** Claims the message's due deliveries for this worker; empty when another worker holds them or none is due. */
    public List<ClaimedDelivery> claim(long messageId, String token, Instant now, Duration lease) {
        int claimed = em.createNamedQuery(Delivery.CLAIM_DUE_OF_MESSAGE)
                .setParameter("token", token).setParameter("leasedUntil", now.plus(lease))
                .setParameter("messageId", messageId).setParameter("now", now).executeUpdate();
        if (claimed == 0) {
            return List.of();
        }
        return em.createNamedQuery(Delivery.CLAIMED_BY, Delivery.class).setParameter("token", token).getResultStream()
                .map(d -> new ClaimedDelivery(d.getId(), d.getMessage().getId(), d.getMessage().getQueueId(),
                        d.getMessage().getEnvelopeSender(), d.getRecipient(), d.getDomain().getDestination()))
                .toList();
    }

    public void record(List<DeliveryOutcome> outcomes, String destination, Instant now) {
        RetrySchedule schedule = new RetrySchedule(firstRetry, maximumRetry);
        for (DeliveryOutcome outcome : outcomes) {
            Delivery delivery = em.find(Delivery.class, outcome.deliveryId());
            if (outcome.delivered()) {
                delivery.delivered(now);
            } else {
                delivery.deferred(outcome.reply(), schedule, now);
            }
            em.persist(new MessageEvent(delivery.getMessage(), now, Stage.DELIVERY, delivery.getState().name(),
                    delivery.getRecipient() + " via " + destination + ": " + outcome.reply()));
        }
    }
}
