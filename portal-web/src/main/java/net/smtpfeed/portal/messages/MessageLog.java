package net.smtpfeed.portal.messages;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.DeliveryLog;
import net.smtpfeed.domain.mail.MailMessage;
import net.smtpfeed.domain.mail.MessageEvent;

/**
 * The deliveries to one customer's domains, newest first (filtered by {@link DeliveryLog}), and the history of one of
 * their messages. The customer is part of every query here: this is where one tenant is kept from seeing another's mail.
 */
@Stateless
public class MessageLog {

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    /** The filtered copies, newest first; the filter names the customer. */
    public List<Delivery> deliveries(DeliveryLog.Filter filter, int first, int max) {
        return new DeliveryLog(em).page(filter, first, max);
    }

    public long count(DeliveryLog.Filter filter) {
        return new DeliveryLog(em).count(filter);
    }

    /**
     * The message with this queue id, if it is the customer's: one of its copies is for one of their domains. Its
     * timeline is in time order (the id orders lines of the same time, as the database may keep whole seconds only):
     * the lines about the whole message and those about the customer's own domains' copies, never another customer's.
     */
    public Optional<MessageHistory> history(long customerId, String queueId) {
        List<Delivery> copies = em.createQuery("""
                        select d from Delivery d join fetch d.message join d.domain dom
                        where d.message.queueId = :queueId and dom.customer.id = :customerId
                        order by d.id""", Delivery.class)
                .setParameter("queueId", queueId)
                .setParameter("customerId", customerId)
                .getResultList();
        if (copies.isEmpty()) {
            return Optional.empty();
        }
        MailMessage message = copies.get(0).getMessage();
        List<MessageEvent> timeline = em.createQuery("""
                        select e from MessageEvent e left join e.domain dom
                        where e.message = :message and (dom is null or dom.customer.id = :customerId)
                        order by e.occurredAt, e.id""", MessageEvent.class)
                .setParameter("message", message)
                .setParameter("customerId", customerId)
                .getResultList();
        return Optional.of(new MessageHistory(message, copies, timeline));
    }
}
