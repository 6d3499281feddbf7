package net.smtpfeed.relay.delivery;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import net.smtpfeed.domain.hosting.Destination;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;

/**
 * Sends one message to one destination in one SMTP transaction with Jakarta Mail, the bytes exactly as queued,
 * and reports each recipient's result. STARTTLS is used when offered; like Postfix's "may" level it does not
 * insist on a certificate it can verify, because the customer's server is addressed by IP, and when the handshake
 * fails the message goes in plain text, unless the domain requires TLS.
 */
public class SmtpDeliveryClient {

    private static final Logger LOG = Logger.getLogger(SmtpDeliveryClient.class.getName());

    private enum Tls { REQUIRED, OPPORTUNISTIC, OFF }

    private final String heloName;
    private final SmtpTimeouts timeouts;

    public SmtpDeliveryClient(String heloName, SmtpTimeouts timeouts) {
        this.heloName = heloName;
        this.timeouts = timeouts;
    }

    /**
     * @param requireTls when true, a server that does not offer STARTTLS or whose handshake fails gets nothing, and
     *                   every recipient is left undelivered with the reason
     */
    public List<RecipientResult> send(Destination destination, String sender, List<String> recipients, Path content,
                                      boolean requireTls) {
        try {
            try {
                return deliver(destination, sender, recipients, content, requireTls ? Tls.REQUIRED : Tls.OPPORTUNISTIC);
            } catch (TlsHandshakeFailed e) {
                LOG.info(() -> destination + ": TLS handshake failed (" + describe(e) + "), delivering in plain text");
                return deliver(destination, sender, recipients, content, Tls.OFF);
            }
        } catch (MessagingException e) {
            String reason = describe(e);
            return recipients.stream().map(r -> new RecipientResult(r, false, reason)).toList();
        }
    }

    private List<RecipientResult> deliver(Destination destination, String sender, List<String> recipients, Path content,
                                          Tls tls) throws MessagingException {
        StageTimedTransport transport = StageTimedTransport.create(properties(destination, sender, tls), timeouts);
        try (SharedFileInputStream bytes = new SharedFileInputStream(content.toFile())) {
            connect(transport, tls);
            MimeMessage message = new MimeMessage(transport.session(), bytes);
            try {
                transport.sendMessage(message, addresses(recipients));
            } catch (SendFailedException partial) {
                return partialResults(recipients, partial, transport.getLastServerResponse());
            }
            String reply = transport.getLastServerResponse();
            return recipients.stream().map(r -> new RecipientResult(r, true, reply)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            quit(transport);
        }
    }

    /** By QUIT the results are known; a server that hangs up first must not turn a delivery into a failure. */
    private static void quit(StageTimedTransport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            LOG.fine(() -> "QUIT failed: " + e);
        }
    }

    private static void connect(StageTimedTransport transport, Tls tls) throws MessagingException {
        try {
            transport.connect();
        } catch (MessagingException e) {
            throw tls == Tls.OPPORTUNISTIC && causedBy(e, SSLException.class) ? new TlsHandshakeFailed(e) : e;
        }
    }

    private Properties properties(Destination destination, String sender, Tls tls) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", destination.getHost());
        p.setProperty("mail.smtp.port", String.valueOf(destination.getPort()));
        p.setProperty("mail.smtp.localhost", heloName);
        p.setProperty("mail.smtp.from", sender.isEmpty() ? "<>" : sender);
        p.setProperty("mail.smtp.starttls.enable", String.valueOf(tls != Tls.OFF));
        p.setProperty("mail.smtp.starttls.required", String.valueOf(tls == Tls.REQUIRED));
        p.setProperty("mail.smtp.ssl.trust", "*");
        p.setProperty("mail.smtp.ssl.checkserveridentity", "false");
        p.setProperty("mail.smtp.sendpartial", "true");
        // As Postfix's smtp_skip_quit_response: the message is delivered by then, the reply to QUIT changes nothing.
        p.setProperty("mail.smtp.quitwait", "false");
        return p;
    }

    private static Address[] addresses(List<String> recipients) throws AddressException {
        Address[] addresses = new Address[recipients.size()];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = new InternetAddress(recipients.get(i), false);
        }
        return addresses;
    }

    /** Some recipients were refused: each keeps the server's own reply to its RCPT TO; the others were sent. */
    private static List<RecipientResult> partialResults(List<String> recipients, SendFailedException failure, String lastReply) {
        Set<String> sent = failure.getValidSentAddresses() == null ? Set.of()
                : Arrays.stream(failure.getValidSentAddresses()).map(Address::toString).collect(Collectors.toSet());
        Map<String, String> refused = new HashMap<>();
        for (Exception next = failure.getNextException(); next instanceof MessagingException m; next = m.getNextException()) {
            if (m instanceof SMTPAddressFailedException address) {
                refused.put(address.getAddress().toString(), String.valueOf(address.getMessage()).strip());
            }
        }
        String reason = describe(failure);
        return recipients.stream()
                .map(r -> sent.contains(r) ? new RecipientResult(r, true, lastReply)
                        : new RecipientResult(r, false, refused.getOrDefault(r, reason)))
                .toList();
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(MessagingException e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()).strip());
        for (Exception next = e.getNextException(); next != null;
             next = next instanceof MessagingException m ? m.getNextException() : null) {
            text.append("; ").append(String.valueOf(next.getMessage()).strip());
        }
        return text.toString();
    }

    /** The STARTTLS handshake failed where TLS is only wished for: the delivery is worth trying again in plain text. */
    private static final class TlsHandshakeFailed extends MessagingException {

        TlsHandshakeFailed(MessagingException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
