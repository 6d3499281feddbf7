package net.smtpfeed.relay.queue;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import net.smtpfeed.domain.hosting.DeliveryTarget;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.DeliveryState;
import net.smtpfeed.domain.mail.MailMessage;
import net.smtpfeed.domain.mail.MessageEvent;
import net.smtpfeed.domain.mail.QueueRows;
import net.smtpfeed.domain.mail.Stage;

/**
 * Adds a message to the queue inside the caller's transaction: the message, its bytes, its deliveries (those that are
 * due claimed by this node; a quarantined one is not) and its timeline, first the line that it was received. The
 * rows are written with plain JDBC ({@link QueueRows}) on the transaction's connection, from entities built in
 * memory. Delivery starts when that transaction commits (see {@link MessageAccepted}), never before.
 */
@ApplicationScoped
public class QueueWriter {

    @Resource(lookup = "java:jboss/datasources/SmtpfeedDS")
    private DataSource dataSource;

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @PersistenceUnit(unitName = "smtpfeed")
    private EntityManagerFactory entities;

    @Inject
    private MessageStore store;

    @Inject
    private NodeClaims claims;

    @Inject
    private Event<MessageAccepted> accepted;

    /** A new delivery, and where it goes: its domain's target, or null for a notice to a sender outside our domains. */
    public record NewDelivery(Delivery delivery, DeliveryTarget target) {
    }

    public void add(MailMessage message, InputStream content, List<NewDelivery> deliveries, String detail,
                    List<MessageEvent> events) {
        List<Delivery> due = deliveries.stream().map(NewDelivery::delivery)
                .filter(d -> d.getState() == DeliveryState.QUEUED).toList();
        claims.in(em).claimNew(due, message.getReceivedAt(), claims.lease());
        List<MessageEvent> timeline = new ArrayList<>(events.size() + 1);
        timeline.add(new MessageEvent(message, message.getReceivedAt(), Stage.RECEIVED, "ACCEPTED", detail));
        timeline.addAll(events);
        long messageId;
        List<Long> deliveryIds;
        try (Connection connection = dataSource.getConnection()) {
            QueueRows rows = new QueueRows(connection, entities.getPersistenceUnitUtil());
            messageId = rows.insert(message);
            store.write(messageId, content);
            deliveryIds = rows.insert(messageId, deliveries.stream().map(NewDelivery::delivery).toList());
            rows.insertEvents(messageId, timeline);
        } catch (SQLException e) {
            throw new IllegalStateException("could not queue message " + message.getQueueId(), e);
        }
        List<ClaimedDelivery> claimed = new ArrayList<>(due.size());
        for (int i = 0; i < deliveries.size(); i++) {
            NewDelivery d = deliveries.get(i);
            if (d.delivery().getState() == DeliveryState.DELIVERING) {
                Long domainId = d.delivery().getDomain() == null ? null
                        : (Long) entities.getPersistenceUnitUtil().getIdentifier(d.delivery().getDomain());
                claimed.add(ClaimedDelivery.of(deliveryIds.get(i), messageId, domainId, d.delivery(), d.target()));
            }
        }
        accepted.fire(new MessageAccepted(messageId, message.getQueueId(), claimed));
    }
}
