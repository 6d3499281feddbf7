package net.smtpfeed.relay.queue;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.MailMessage;
import net.smtpfeed.domain.mail.MessageEvent;
import net.smtpfeed.domain.mail.QueueId;
import net.smtpfeed.domain.mail.Stage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Queues the delivery status notification for a message that failed, in the same transaction that records the
 * failure, so that a bounce is never recorded without its notice. A message from the null sender is never bounced.
 */
@ApplicationScoped
public class NoticeQueue {

    private static final Logger LOG = Logger.getLogger(NoticeQueue.class.getName());
    private static final int MAX_RETURNED_HEADER_BYTES = 64 * 1024;

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Inject
    private QueueWriter writer;

    @Inject
    private MessageStore store;

    @Inject
    private AfterCommit afterCommit;

    @Inject
    @ConfigProperty(name = "smtpfeed.smtp.hostname", defaultValue = "localhost")
    String hostName;

    @Inject
    @ConfigProperty(name = "smtpfeed.bounce.lifetime", defaultValue = "P5D")
    Duration noticeLifetime;

    private NoticeComposer composer;

    @PostConstruct
    void init() {
        composer = new NoticeComposer(hostName);
    }

    public void notifySender(MailMessage original, List<NoticeComposer.Failure> failures, Instant now) {
        if (original.getEnvelopeSender().equals(MailMessage.NULL_SENDER)) {
            em.persist(new MessageEvent(original, now, Stage.NOTICE, "NOT_SENT", "null sender: a bounce is never bounced"));
            return;
        }
        byte[] notice = composer.compose(new NoticeComposer.Original(original.getQueueId(), original.getReceivedAt(),
                original.getEnvelopeSender(), store.headerSection(original.getId(), MAX_RETURNED_HEADER_BYTES)), failures, now);
        MailMessage message = new MailMessage(QueueId.next(now), MailMessage.NULL_SENDER, "127.0.0.1", hostName,
                notice.length, now);
        writer.add(message, new ByteArrayInputStream(notice), List.of(new QueueWriter.NewDelivery(
                        Delivery.notice(message, original.getEnvelopeSender(), now.plus(noticeLifetime)), null)),
                "delivery status notification for " + original.getQueueId(), List.of());
        em.persist(new MessageEvent(original, now, Stage.NOTICE, "QUEUED",
                "to <" + original.getEnvelopeSender() + "> as " + message.getQueueId()));
        afterCommit.report(() -> LOG.info(() -> original.getQueueId() + ": sender non-delivery notification: "
                + message.getQueueId()));
    }
}
