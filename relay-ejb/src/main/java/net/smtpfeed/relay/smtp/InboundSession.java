package net.smtpfeed.relay.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.smtpfeed.domain.mail.EmailAddress;
import net.smtpfeed.domain.mail.MailMessage;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.TooMuchDataException;

/**
 * One SMTP mail transaction (MAIL FROM to end of DATA), deciding each reply. SubEthaSMTP creates one per
 * transaction and speaks the protocol; this class only says yes or no and hands accepted mail to the queue.
 */
final class InboundSession implements MessageHandler {

    private static final Logger LOG = Logger.getLogger(InboundSession.class.getName());

    private final MessageContext context;
    private final RelayPolicy relayPolicy;
    private final MessageQueue queue;
    private final long maxMessageBytes;

    private String sender = MailMessage.NULL_SENDER;
    private final List<Envelope.Recipient> recipients = new ArrayList<>();

    InboundSession(MessageContext context, RelayPolicy relayPolicy, MessageQueue queue, long maxMessageBytes) {
        this.context = context;
        this.relayPolicy = relayPolicy;
        this.queue = queue;
        this.maxMessageBytes = maxMessageBytes;
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
        EmailAddress address;
        try {
            address = EmailAddress.parse(recipient);
        } catch (IllegalArgumentException e) {
            throw new RejectException(501, "5.1.3 bad recipient address syntax");
        }
        OptionalLong domain;
        try {
            domain = relayPolicy.acceptingDomain(address.domain());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "recipient check failed for " + address.domain(), e);
            throw new RejectException(451, "4.3.0 temporary failure, try again later");
        }
        if (domain.isEmpty()) {
            throw new RejectException(550, "5.7.1 relaying denied");
        }
        recipients.add(new Envelope.Recipient(address, domain.getAsLong()));
    }

    @Override
    public String data(InputStream data) throws RejectException, IOException {
        try (SpooledMessage message = SpooledMessage.spool(data, maxMessageBytes)) {
            String queueId = queue.enqueue(new Envelope(sender, recipients, clientAddress(), context.getHelo().orElse(null)), message);
            return "2.0.0 Ok: queued as " + queueId;
        } catch (TooMuchDataException e) {
            throw new RejectException(552, "5.3.4 message size exceeds fixed limit of " + maxMessageBytes + " bytes");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not queue a message from " + clientAddress(), e);
            throw new RejectException(451, "4.3.0 temporary failure, message not accepted, try again later");
        }
    }

    private String clientAddress() {
        return context.getRemoteAddress() instanceof InetSocketAddress inet
                ? inet.getAddress().getHostAddress()
                : String.valueOf(context.getRemoteAddress());
    }

    @Override
    public void done() {
        // Nothing to release: the spooled file is closed when data() returns.
    }
}
