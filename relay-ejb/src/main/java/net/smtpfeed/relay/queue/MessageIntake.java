package net.smtpfeed.relay.queue;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.logging.Logger;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.MailMessage;
import net.smtpfeed.domain.mail.MessageEvent;
import net.smtpfeed.domain.mail.QueueId;
import net.smtpfeed.domain.mail.Stage;
import net.smtpfeed.relay.smtp.Envelope;
import net.smtpfeed.relay.smtp.MessageQueue;
import net.smtpfeed.relay.smtp.SpooledMessage;

/**
 * Puts an accepted message into the queue: the message, its bytes, one delivery per recipient and the first event,
 * all in one transaction. The SMTP side answers 250 only after this returns, that is after the commit.
 */
@Stateless
public class MessageIntake implements MessageQueue {

    private static final Logger LOG = Logger.getLogger(MessageIntake.class.getName());

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Inject
    private MessageContentStore contents;

    @Inject
    private Event<MessageAccepted> accepted;

    @Override
    public String enqueue(Envelope envelope, SpooledMessage spooled) {
        Instant now = Instant.now();
        MailMessage message = new MailMessage(QueueId.next(now), envelope.sender(), envelope.clientAddress(),
                envelope.helo(), spooled.size(), now);
        em.persist(message);
        em.flush();
        try (InputStream content = spooled.open()) {
            contents.write(message.getId(), content, spooled.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Envelope.Recipient recipient : envelope.recipients()) {
            em.persist(new Delivery(message, em.getReference(HostedDomain.class, recipient.domainId()), recipient.address()));
        }
        em.persist(new MessageEvent(message, now, Stage.RECEIVED, "ACCEPTED", "from " + envelope.clientAddress()
                + ", " + spooled.size() + " bytes, " + envelope.recipients().size() + " recipient(s)"));
        LOG.info(() -> message.getQueueId() + ": accepted from=<" + envelope.sender() + "> client=" + envelope.clientAddress()
                + " size=" + spooled.size() + " nrcpt=" + envelope.recipients().size());
        accepted.fire(new MessageAccepted(message.getId(), message.getQueueId()));
        return message.getQueueId();
    }
}
