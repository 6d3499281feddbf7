package net.smtpfeed.relay.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.DeliveryState;
import net.smtpfeed.domain.mail.MailMessage;
import net.smtpfeed.domain.mail.MessageEvent;
import net.smtpfeed.domain.mail.Stage;

/**
 * Adds a message to the queue inside the caller's transaction: the message, its bytes, its deliveries (those that are
 * due claimed by this node; a quarantined one is not) and its first event. Delivery starts when that transaction commits (see {@link MessageAccepted}), never before.
 */
@ApplicationScoped
public class QueueWriter {

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Inject
    private MessageStore store;

    @Inject
    private NodeClaims claims;

    @Inject
    private Event<MessageAccepted> accepted;

    public void add(MailMessage message, InputStream content, Function<MailMessage, List<Delivery>> deliveries,
                    String detail) {
        em.persist(message);
        em.flush();
        store.write(message.getId(), content);
        List<Delivery> all = deliveries.apply(message);
        List<Delivery> due = all.stream().filter(d -> d.getState() == DeliveryState.QUEUED).toList();
        claims.in(em).claimNew(due, message.getReceivedAt(), claims.lease());
        all.forEach(em::persist);
        em.persist(new MessageEvent(message, message.getReceivedAt(), Stage.RECEIVED, "ACCEPTED", detail));
        accepted.fire(new MessageAccepted(message.getId(), message.getQueueId(),
                due.stream().map(ClaimedDelivery::of).toList()));
    }
}
