package net.smtpfeed.relay.queue;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.MailMessage;
import net.smtpfeed.domain.mail.MessageEvent;
import net.smtpfeed.domain.mail.QueueId;
import net.smtpfeed.domain.mail.Stage;
import net.smtpfeed.domain.spam.SpamMark;
import net.smtpfeed.domain.spam.SpamScore;
import net.smtpfeed.relay.metrics.RelayMeters;
import net.smtpfeed.relay.smtp.AcceptingDomain;
import net.smtpfeed.relay.smtp.Arrival;
import net.smtpfeed.relay.smtp.Envelope;
import net.smtpfeed.relay.smtp.Finding;
import net.smtpfeed.relay.smtp.Inspection;
import net.smtpfeed.relay.smtp.MessageBatchQueue;
import net.smtpfeed.relay.smtp.SpooledMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts inbound messages into the queue, each with one delivery per recipient, in one transaction. Each domain that
 * checks spam gets its own decision on its recipients' copies (its thresholds, its actions). The SMTP side answers 250
 * only after this returns, that is after the commit. The hosted domains are referred to, never loaded: what the copies
 * need of them was read at RCPT TO.
 */
@Stateless
public class MessageIntake implements MessageBatchQueue {

    private static final Logger LOG = Logger.getLogger(MessageIntake.class.getName());

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Inject
    private QueueWriter writer;

    @Inject
    private RelayMeters meters;

    @Inject
    private AfterCommit afterCommit;

    @Inject
    @ConfigProperty(name = "smtpfeed.spam.quarantine", defaultValue = "P7D")
    Duration quarantine;

    @Override
    public List<String> enqueueAll(List<Arrival> arrivals) {
        return arrivals.stream().map(this::enqueue).toList();
    }

    private String enqueue(Arrival arrival) {
        Envelope envelope = arrival.envelope();
        SpooledMessage spooled = arrival.message();
        Inspection inspection = arrival.inspection();
        Instant now = Instant.now();
        MailMessage message = new MailMessage(QueueId.next(now), envelope.sender(), envelope.clientAddress(),
                envelope.helo(), spooled.size(), now);
        Map<AcceptingDomain, SpamMark> marks = marksByDomain(envelope, inspection.spamScore());
        List<Finding> findings = new ArrayList<>(inspection.findings());
        marks.forEach((domain, mark) -> findings.add(new Finding(now, Stage.SPAM_ACTION,
                mark.quarantines() ? "QUARANTINED" : mark.action().name(), domain.name() + ": " + mark, domain.id())));
        List<MessageEvent> events = findings.stream().map(f -> new MessageEvent(message,
                f.domainId() == null ? null : em.getReference(HostedDomain.class, f.domainId()), f.at(), f.stage(),
                f.outcome(), f.detail())).toList();
        try (InputStream content = spooled.open()) {
            writer.add(message, content, deliveries(message, envelope, marks), "from " + envelope.clientAddress() + ", "
                    + spooled.size() + " bytes, " + envelope.recipients().size() + " recipient(s)", events);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        afterCommit.report(() -> {
            findings.forEach(f -> LOG.info(() -> message.getQueueId() + ": " + f.stage() + " " + f.outcome() + " "
                    + f.detail()));
            meters.quarantined(marks.values().stream().filter(SpamMark::quarantines).count());
            LOG.info(() -> message.getQueueId() + ": accepted from=<" + envelope.sender() + "> client="
                    + envelope.clientAddress() + " size=" + spooled.size() + " nrcpt=" + envelope.recipients().size()
                    + (marks.isEmpty() ? "" : " spam=" + marks.values()));
        });
        return message.getQueueId();
    }

    /** Per recipient domain that checks spam, what its settings make of the score; none when there is no score. */
    private static Map<AcceptingDomain, SpamMark> marksByDomain(Envelope envelope, Optional<SpamScore> score) {
        Map<AcceptingDomain, SpamMark> marks = new LinkedHashMap<>();
        score.ifPresent(s -> envelope.recipients().forEach(r -> r.domain().spamPolicy()
                .ifPresent(policy -> marks.computeIfAbsent(r.domain(), d -> policy.mark(s)))));
        return marks;
    }

    /** A copy per recipient, kept for its domain's queue lifetime as read at RCPT TO: the domain is not loaded again. */
    private List<QueueWriter.NewDelivery> deliveries(MailMessage message, Envelope envelope,
                                                     Map<AcceptingDomain, SpamMark> marks) {
        return envelope.recipients().stream().map(r -> {
            Delivery delivery = new Delivery(message, em.getReference(HostedDomain.class, r.domainId()), r.address(),
                    r.domain().queueLifetime());
            Optional.ofNullable(marks.get(r.domain())).ifPresent(mark -> delivery.markAsSpam(mark, quarantine));
            return new QueueWriter.NewDelivery(delivery, r.domain().target());
        }).toList();
    }
}
