package net.smtpfeed.relay.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.smtpfeed.domain.greylist.GreylistVerdict;
import net.smtpfeed.domain.mail.EmailAddress;
import net.smtpfeed.domain.mail.MailMessage;
import net.smtpfeed.domain.mail.Stage;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.TooMuchDataException;
import org.subethamail.smtp.server.Session;

/**
 * One SMTP mail transaction (MAIL FROM to end of DATA), deciding each reply. SubEthaSMTP creates one per
 * transaction and speaks the protocol; this class only says yes or no and hands accepted mail to the queue.
 */
final class InboundSession implements MessageHandler {

    private static final Logger LOG = Logger.getLogger(InboundSession.class.getName());

    private final Session session;
    private final RelayPolicy relayPolicy;
    private final Greylisting greylisting;
    private final ContentInspection inspection;
    private final MessageQueue queue;
    private final SmtpLimits limits;

    private String sender = MailMessage.NULL_SENDER;
    private final List<Envelope.Recipient> recipients = new ArrayList<>();
    private final List<Finding> recipientFindings = new ArrayList<>();

    InboundSession(Session session, RelayPolicy relayPolicy, Greylisting greylisting, ContentInspection inspection,
                   MessageQueue queue, SmtpLimits limits) {
        this.session = session;
        this.relayPolicy = relayPolicy;
        this.greylisting = greylisting;
        this.inspection = inspection;
        this.queue = queue;
        this.limits = limits;
    }

    @Override
    public void from(String from) throws RejectException {
        if (from == null || from.isEmpty()) {
            sender = MailMessage.NULL_SENDER;
            return;
        }
        if (!EmailAddress.isPlausibleSender(from)) {
            throw new RejectException(501, "5.1.7 bad sender address syntax");
        }
        sender = from;
    }

    @Override
    public void recipient(String recipient) throws RejectException {
        if (recipients.size() >= limits.maxRecipients()) {
            throw new RejectException(452, "4.5.3 Too many recipients");
        }
        EmailAddress address;
        try {
            address = EmailAddress.parse(recipient);
        } catch (IllegalArgumentException e) {
            throw new RejectException(501, "5.1.3 bad recipient address syntax");
        }
        RecipientCheck check;
        try {
            check = relayPolicy.check(address);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "recipient check failed for " + address, e);
            throw new RejectException(451, "4.3.0 temporary failure, try again later");
        }
        if (check instanceof RecipientCheck.Refused refused) {
            throw new RejectException(refused.code(), refused.reply());
        }
        AcceptingDomain domain = ((RecipientCheck.Accepted) check).domain();
        if (domain.greylisting()) {
            greylist(address, domain);
        }
        recipients.add(new Envelope.Recipient(address, domain));
    }

    private void greylist(EmailAddress recipient, AcceptingDomain domain) throws RejectException {
        GreylistVerdict verdict;
        try {
            verdict = greylisting.check(clientAddress(), sender, recipient.toString());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "greylisting failed for " + recipient, e);
            throw new RejectException(451, "4.3.0 temporary failure, try again later");
        }
        if (verdict instanceof GreylistVerdict.Defer defer) {
            throw new RejectException(451, "4.7.1 greylisted, please try again in " + defer.left().toSeconds() + " seconds");
        }
        recipientFindings.add(new Finding(Instant.now(), Stage.GREYLIST, "PASSED",
                recipient + ": " + ((GreylistVerdict.Pass) verdict).why(), domain.id()));
    }

    @Override
    public String data(InputStream data) throws RejectException, IOException {
        try (SpooledMessage message = SpooledMessage.spool(data, receivedHeader(), limits.maxMessageBytes())) {
            if (message.receivedHeaders() > limits.maxHops()) {
                throw new RejectException(554, "5.4.6 Too many hops");
            }
            Envelope envelope = new Envelope(sender, recipients, clientAddress(), session.getHelo().orElse(null));
            Inspection inspected = Inspection.of(recipientFindings).then(inspection.inspect(envelope, message));
            return "2.0.0 Ok: queued as " + queue.enqueue(envelope, message, inspected);
        } catch (TooMuchDataException e) {
            throw new RejectException(552, "5.3.4 message size exceeds fixed limit of " + limits.maxMessageBytes() + " bytes");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not queue a message from " + clientAddress(), e);
            throw new RejectException(451, "4.3.0 temporary failure, message not accepted, try again later");
        }
    }

    private byte[] receivedHeader() {
        String onlyRecipient = recipients.size() == 1 ? recipients.get(0).address().toString() : null;
        return ReceivedHeader.of(session, onlyRecipient, ZonedDateTime.now()).text().getBytes(StandardCharsets.UTF_8);
    }

    private String clientAddress() {
        return session.getRemoteAddress().getAddress().getHostAddress();
    }

    @Override
    public void done() {
        // Nothing to release: the spooled file is closed when data() returns.
    }
}
