package net.smtpfeed.relay.delivery;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
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
import net.smtpfeed.relay.queue.QueuedContent;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * Sends one message to one destination in one SMTP transaction with Jakarta Mail, the bytes exactly as queued,
 * and reports each recipient's result. STARTTLS is used when offered; like Postfix's "may" level it does not
 * insist on a certificate it can verify, because the customer's server is addressed by IP, and when the handshake
 * fails the message goes in plain text, unless the domain requires TLS. A connection whose transaction went through
 * is kept for the next message to the same destination (see {@link IdleConnections}).
 */
public class SmtpDeliveryClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SmtpDeliveryClient.class.getName());

    private enum Tls { REQUIRED, OPPORTUNISTIC, OFF }

    /** What a kept connection may be used for: the same server at the same TLS level as asked for. */
    private record Route(Destination destination, Tls tls) {
    }

    private final String heloName;
    private final SmtpTimeouts timeouts;
    private final IdleConnections<Route, StageTimedTransport> idle;

    /**
     * @param connectionReuse how long a connection may wait idle for the next message to its destination
     * @param connectionsPerDestination how many idle connections are kept per destination at most
     */
    public SmtpDeliveryClient(String heloName, SmtpTimeouts timeouts, Duration connectionReuse, int connectionsPerDestination) {
        this.heloName = heloName;
        this.timeouts = timeouts;
        this.idle = new IdleConnections<>(connectionReuse, connectionsPerDestination, SmtpDeliveryClient::quit);
    }

    /**
     * @param requireTls when true, a server that does not offer STARTTLS or whose handshake fails gets nothing, and
     *                   every recipient is left undelivered with the reason
     */
    public List<RecipientResult> send(Destination destination, String sender, List<String> recipients,
                                      QueuedContent content, boolean requireTls) {
        return send(destination, sender, recipients, content, requireTls, CopyEdit.NONE);
    }

    /** As {@link #send(Destination, String, List, QueuedContent, boolean)}, with a change to the sent copy's headers. */
    public List<RecipientResult> send(Destination destination, String sender, List<String> recipients,
                                      QueuedContent content, boolean requireTls, CopyEdit edit) {
        Route route = new Route(destination, requireTls ? Tls.REQUIRED : Tls.OPPORTUNISTIC);
        try {
            StageTimedTransport kept = keptConnection(route);
            if (kept != null) {
                try {
                    return deliver(route, kept, sender, recipients, content, edit);
                } catch (MessagingException e) {
                    if (kept.endOfDataSent()) {
                        throw e;
                    }
                    // The server had not got the message: it may simply have closed the kept connection meanwhile.
                    LOG.fine(() -> destination + ": kept connection failed before the end of DATA (" + describe(e) + ")");
                }
            }
            StageTimedTransport fresh;
            try {
                fresh = connect(destination, route.tls());
            } catch (TlsHandshakeFailed e) {
                LOG.info(() -> destination + ": TLS handshake failed (" + describe(e) + "), delivering in plain text");
                fresh = connect(destination, Tls.OFF);
            }
            return deliver(route, fresh, sender, recipients, content, edit);
        } catch (MessagingException e) {
            String reason = describe(e);
            return recipients.stream().map(r -> new RecipientResult(r, false, reason)).toList();
        }
    }

    /** Closes the connections kept for reuse that have been idle too long. */
    public void closeIdleConnections() {
        idle.closeStale(Instant.now());
    }

    @Override
    public void close() {
        idle.closeAll();
    }

    private StageTimedTransport keptConnection(Route route) {
        for (StageTimedTransport kept; (kept = idle.take(route, Instant.now())) != null; ) {
            try {
                if (kept.stillAnswers()) {
                    return kept;
                }
            } catch (MessagingException e) {
                quit(kept);
            }
        }
        return null;
    }

    /** Runs one transaction; the connection is kept for the next one when every recipient was taken, else closed. */
    private List<RecipientResult> deliver(Route route, StageTimedTransport transport, String sender,
                                          List<String> recipients, QueuedContent content, CopyEdit edit)
            throws MessagingException {
        boolean reusable = false;
        // An edited copy is parsed from this stream, which must stay open until it is sent; an unedited one is not parsed.
        try (InputStream toEdit = edit == CopyEdit.NONE ? null : content.open()) {
            SMTPMessage message = toEdit == null ? new StoredBytesMessage(transport.session(), content)
                    : new SMTPMessage(transport.session(), toEdit);
            message.setEnvelopeFrom(sender.isEmpty() ? "<>" : sender);
            edit.applyTo(message);
            try {
                transport.sendMessage(message, addresses(recipients));
            } catch (SendFailedException partial) {
                return partialResults(recipients, partial, transport.getLastServerResponse());
            }
            String reply = transport.getLastServerResponse();
            reusable = true;
            return recipients.stream().map(r -> new RecipientResult(r, true, reply)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (reusable) {
                idle.keep(route, transport, Instant.now());
            } else {
                quit(transport);
            }
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

    private StageTimedTransport connect(Destination destination, Tls tls) throws MessagingException {
        StageTimedTransport transport = StageTimedTransport.create(properties(destination, tls), timeouts);
        try {
            transport.connect();
            return transport;
        } catch (MessagingException e) {
            quit(transport);
            throw tls == Tls.OPPORTUNISTIC && causedBy(e, SSLException.class) ? new TlsHandshakeFailed(e) : e;
        }
    }

    private Properties properties(Destination destination, Tls tls) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", destination.getHost());
        p.setProperty("mail.smtp.port", String.valueOf(destination.getPort()));
        p.setProperty("mail.smtp.localhost", heloName);
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
