package net.smtpfeed.relay.queue;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.MailMessage;
import net.smtpfeed.domain.mail.MessageEvent;
import net.smtpfeed.domain.mail.QueueId;
import net.smtpfeed.relay.smtp.Envelope;
import net.smtpfeed.relay.smtp.Finding;
import net.smtpfeed.relay.smtp.MessageQueue;
import net.smtpfeed.relay.smtp.SpooledMessage;

/**
 * Puts an inbound message into the queue with one delivery per recipient, in one transaction. The SMTP side answers
 * 250 only after this returns, that is after the commit.
 */
@Stateless
public class MessageIntake implements MessageQueue {

    private static final Logger LOG = Logger.getLogger(MessageIntake.class.getName());

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Inject
    private QueueWriter writer;

    @Override
    public String enqueue(Envelope envelope, SpooledMessage spooled, List<Finding> findings) {
        Instant now = Instant.now();
        MailMessage message = new MailMessage(QueueId.next(now), envelope.sender(), envelope.clientAddress(),
                envelope.helo(), spooled.size(), now);
        try (InputStream content = spooled.open()) {
            writer.add(message, content, m -> envelope.recipients().stream()
                    .map(r -> new Delivery(m, em.getReference(HostedDomain.class, r.domainId()), r.address()))
                    .toList(), "from " + envelope.clientAddress() + ", " + spooled.size() + " bytes, "
                    + envelope.recipients().size() + " recipient(s)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        findings.forEach(f -> em.persist(new MessageEvent(message, f.at(), f.stage(), f.outcome(), f.detail())));
        LOG.info(() -> message.getQueueId() + ": accepted from=<" + envelope.sender() + "> client=" + envelope.clientAddress()
                + " size=" + spooled.size() + " nrcpt=" + envelope.recipients().size());
        return message.getQueueId();
    }
}
