package net.smtpfeed.relay.queue;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.DeliveryState;
import net.smtpfeed.domain.mail.MailMessage;
import net.smtpfeed.domain.mail.MessageEvent;
import net.smtpfeed.domain.mail.QueueRows;
import net.smtpfeed.domain.mail.RetrySchedule;
import net.smtpfeed.domain.mail.SmtpReply;
import net.smtpfeed.domain.mail.Stage;
import net.smtpfeed.relay.metrics.RelayMeters;

/**
 * The queue's book-keeping, each step in its own short transaction so that no database transaction is open while a
 * worker talks to a customer's server: claiming due deliveries, and recording what became of them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class QueueLedger {

    private static final Logger LOG = Logger.getLogger(QueueLedger.class.getName());

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @PersistenceUnit(unitName = "smtpfeed")
    private EntityManagerFactory entities;

    @Resource(lookup = "java:jboss/datasources/SmtpfeedDS")
    private DataSource dataSource;

    @Inject
    private NoticeQueue notices;

    @Inject
    private AfterCommit afterCommit;

    @Inject
    private RetrySchedule schedule;

    @Inject
    private NodeClaims claims;

    @Inject
    private RelayMeters meters;

    /** Claims up to limit due deliveries of any message, oldest first, skipping those another worker holds. */
    public List<ClaimedDelivery> claimDue(Instant now, int limit) {
        return claims.in(em).claimDue(now, limit, claims.lease()).stream().map(ClaimedDelivery::of).toList();
    }

    /** Extends the leases of the claims whose deliveries are still under way. */
    public int renewLeases(Collection<String> claimTokens, Instant now) {
        return claims.in(em).renew(claimTokens, now, claims.lease());
    }

    /** After a restart: what this node held when it stopped is due again at once. Returns how many deliveries. */
    public int releaseClaimsOfThisNode(Instant now) {
        return claims.in(em).releaseAll(now);
    }

    /** What a worker learnt from one SMTP transaction: the outcome of each of its recipients. */
    public record Outcomes(List<DeliveryOutcome> outcomes, String destination, Instant at) {
    }

    /**
     * Records the outcomes that several workers learnt, in one transaction, each as {@link #record} does, the
     * delivered copies through one connection handle for the whole batch.
     */
    public void recordAll(List<Outcomes> batch) {
        try (Connection connection = dataSource.getConnection()) {
            QueueRows rows = new QueueRows(connection, entities.getPersistenceUnitUtil());
            for (Outcomes learnt : batch) {
                record(rows, learnt.outcomes(), learnt.destination(), learnt.at());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the outcomes of " + batch.size() + " deliveries", e);
        }
    }

    /**
     * Records each recipient's outcome: delivered, bounced on a permanent refusal, or deferred (expired once its
     * queue lifetime is over). The senders of failed deliveries get their notice in the same transaction. A
     * delivery whose claim this worker no longer holds (its lease ended and another took it) is left as it is.
     */
    public void record(List<DeliveryOutcome> outcomes, String destination, Instant now) {
        recordAll(List.of(new Outcomes(outcomes, destination, now)));
    }

    private void record(QueueRows rows, List<DeliveryOutcome> outcomes, String destination, Instant now)
            throws SQLException {
        List<DeliveryOutcome> delivered = outcomes.stream().filter(DeliveryOutcome::accepted).toList();
        if (!delivered.isEmpty()) {
            recordDelivered(rows, delivered, destination, now);
        }
        Map<MailMessage, List<NoticeComposer.Failure>> failures = new LinkedHashMap<>();
        for (DeliveryOutcome outcome : outcomes) {
            if (outcome.accepted()) {
                continue;
            }
            Delivery delivery = em.find(Delivery.class, outcome.delivery().deliveryId());
            if (!outcome.delivery().claimToken().equals(delivery.getClaimToken())) {
                continue;
            }
            if (outcome.reply().isPermanentFailure()) {
                delivery.bounced(outcome.reply().toString(), now);
            } else {
                delivery.deferred(outcome.reply().toString(), schedule, now);
            }
            recordEvent(delivery, "via " + destination + ": " + outcome.reply(), now);
            noteFailure(failures, delivery, outcome.reply(), destination);
        }
        failures.forEach((message, failed) -> notices.notifySender(message, failed, now));
    }

    /**
     * The common case without loading the rows or the ORM's statements: one JDBC batch that records the deliveries
     * (each only under its claim), and one with their timeline lines.
     */
    private void recordDelivered(QueueRows rows, List<DeliveryOutcome> delivered, String destination, Instant now)
            throws SQLException {
        rows.recordDelivered(delivered.stream().map(o -> new QueueRows.Delivered(o.delivery().deliveryId(),
                o.delivery().claimToken())).toList(), now);
        Map<Long, List<MessageEvent>> events = new LinkedHashMap<>();
        for (DeliveryOutcome outcome : delivered) {
            ClaimedDelivery copy = outcome.delivery();
            events.computeIfAbsent(copy.messageId(), id -> new ArrayList<>()).add(new MessageEvent(
                    em.getReference(MailMessage.class, copy.messageId()),
                    copy.domainId() == null ? null : em.getReference(HostedDomain.class, copy.domainId()), now,
                    Stage.DELIVERY, DeliveryState.DELIVERED.name(),
                    copy.recipient() + " via " + destination + ": " + outcome.reply()));
        }
        for (Map.Entry<Long, List<MessageEvent>> ofMessage : events.entrySet()) {
            rows.insertEvents(ofMessage.getKey(), ofMessage.getValue());
        }
        afterCommit.report(() -> delivered.forEach(o -> meters.deliveryRecorded(DeliveryState.DELIVERED)));
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
        DeliveryState state = delivery.getState();
        String line = delivery.getMessage().getQueueId() + ": to=<" + delivery.getRecipient() + "> " + state + " " + detail;
        afterCommit.report(() -> {
            meters.deliveryRecorded(state);
            LOG.info(line);
        });
        em.persist(new MessageEvent(delivery.getMessage(), delivery.getDomain(), now, Stage.DELIVERY,
                delivery.getState().name(),
                delivery.getRecipient() + " " + detail));
    }
}
