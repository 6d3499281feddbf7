package net.smtpfeed.relay.queue;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.DeliveryClaims;
import net.smtpfeed.domain.mail.DeliveryState;
import net.smtpfeed.domain.mail.MailMessage;
import net.smtpfeed.domain.mail.MessageEvent;
import net.smtpfeed.domain.mail.RetrySchedule;
import net.smtpfeed.domain.mail.SmtpReply;
import net.smtpfeed.domain.mail.Stage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The queue's book-keeping, each step in its own short transaction so that no database transaction is open while a
 * worker talks to a customer's server: claiming due deliveries, and recording what became of them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class QueueLedger {

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Inject
    private NoticeQueue notices;

    @Inject
    private RetrySchedule schedule;

    @Inject
    @ConfigProperty(name = "smtpfeed.queue.lease", defaultValue = "PT15M")
    Duration lease;

    /** Claims up to limit due deliveries of any message, oldest first, skipping those another worker holds. */
    public List<ClaimedDelivery> claimDue(Instant now, int limit) {
        return detached(new DeliveryClaims(em).claimDue(now, limit, lease));
    }

    /** Claims the due deliveries of one message: the path of a message accepted a moment ago. */
    public List<ClaimedDelivery> claimMessage(long messageId, Instant now) {
        return detached(new DeliveryClaims(em).claimOfMessage(messageId, now, lease));
    }

    private static List<ClaimedDelivery> detached(List<Delivery> claimed) {
        return claimed.stream()
                .map(d -> new ClaimedDelivery(d.getId(), d.getMessage().getId(), d.getMessage().getQueueId(),
                        d.getMessage().getEnvelopeSender(), d.getRecipient(),
                        d.getDomain() == null ? null : d.getDomain().getDestination(),
                        d.getDomain() != null && d.getDomain().isRequireTls()))
                .toList();
    }

    /**
     * Records each recipient's outcome: delivered, bounced on a permanent refusal, or deferred (expired once its
     * queue lifetime is over). The senders of failed deliveries get their notice in the same transaction.
     */
    public void record(List<DeliveryOutcome> outcomes, String destination, Instant now) {
        Map<MailMessage, List<NoticeComposer.Failure>> failures = new LinkedHashMap<>();
        for (DeliveryOutcome outcome : outcomes) {
            Delivery delivery = em.find(Delivery.class, outcome.deliveryId());
            if (outcome.accepted()) {
                delivery.delivered(now);
            } else if (outcome.reply().isPermanentFailure()) {
                delivery.bounced(outcome.reply().toString(), now);
            } else {
                delivery.deferred(outcome.reply().toString(), schedule, now);
            }
            recordEvent(delivery, "via " + destination + ": " + outcome.reply(), now);
            noteFailure(failures, delivery, outcome.reply(), destination);
        }
        failures.forEach((message, failed) -> notices.notifySender(message, failed, now));
    }

    /** Deliveries not tried because their destination is known to be down: they wait until it may be tried again. */
    public void postpone(List<Long> deliveryIds, Instant until, String reason, Instant now) {
        Map<MailMessage, List<NoticeComposer.Failure>> expired = new LinkedHashMap<>();
        for (Long id : deliveryIds) {
            Delivery delivery = em.find(Delivery.class, id);
            delivery.postponed(until, reason, now);
            recordEvent(delivery, reason, now);
            noteFailure(expired, delivery, SmtpReply.parse(reason), null);
        }
        expired.forEach((message, failed) -> notices.notifySender(message, failed, now));
    }

    private static void noteFailure(Map<MailMessage, List<NoticeComposer.Failure>> failures, Delivery delivery,
                                    SmtpReply reply, String remoteMta) {
        if (delivery.getState().isFailure()) {
            failures.computeIfAbsent(delivery.getMessage(), m -> new ArrayList<>()).add(new NoticeComposer.Failure(
                    delivery.getRecipient(), delivery.getState() == DeliveryState.EXPIRED, reply, remoteMta));
        }
    }

    private void recordEvent(Delivery delivery, String detail, Instant now) {
        em.persist(new MessageEvent(delivery.getMessage(), now, Stage.DELIVERY, delivery.getState().name(),
                delivery.getRecipient() + " " + detail));
    }
}
