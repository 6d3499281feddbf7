package net.smtpfeed.relay.delivery;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import net.smtpfeed.domain.hosting.Destination;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends one message to one destination in one SMTP transaction with Jakarta Mail, the bytes exactly as queued,
 * and reports each recipient's result. STARTTLS is used when offered; like Postfix's "may" level it does not
 * insist on a certificate it can verify, because the customer's server is addressed by IP.
 */
public class SmtpDeliveryClient {

    private final String heloName;
    private final Duration connectTimeout;
    private final Duration commandTimeout;

    public SmtpDeliveryClient(String heloName, Duration connectTimeout, Duration commandTimeout) {
        this.heloName = heloName;
        this.connectTimeout = connectTimeout;
        this.commandTimeout = commandTimeout;
    }

    public List<RecipientResult> send(Destination destination, String sender, List<String> recipients, Path content) {
        Session session = Session.getInstance(properties(destination, sender));
        SharedFileInputStream bytes = null;
        try {
            bytes = new SharedFileInputStream(content.toFile());
            MimeMessage message = new MimeMessage(session, bytes);
            try (SMTPTransport transport = (SMTPTransport) session.getTransport("smtp")) {
                transport.connect();
                try {
                    transport.sendMessage(message, addresses(recipients));
                } catch (SendFailedException partial) {
                    return partialResults(recipients, partial, transport.getLastServerResponse());
                }
                String reply = transport.getLastServerResponse();
                return recipients.stream().map(r -> new RecipientResult(r, true, reply)).toList();
            }
        } catch (MessagingException e) {
            String reason = describe(e);
            return recipients.stream().map(r -> new RecipientResult(r, false, reason)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeQuietly(bytes);
        }
    }

    private Properties properties(Destination destination, String sender) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", destination.getHost());
        p.setProperty("mail.smtp.port", String.valueOf(destination.getPort()));
        p.setProperty("mail.smtp.localhost", heloName);
        p.setProperty("mail.smtp.from", sender.isEmpty() ? "<>" : sender);
        p.setProperty("mail.smtp.connectiontimeout", String.valueOf(connectTimeout.toMillis()));
        p.setProperty("mail.smtp.timeout", String.valueOf(commandTimeout.toMillis()));
        p.setProperty("mail.smtp.writetimeout", String.valueOf(commandTimeout.toMillis()));
        p.setProperty("mail.smtp.starttls.enable", "true");
        p.setProperty("mail.smtp.ssl.trust", "*");
        p.setProperty("mail.smtp.ssl.checkserveridentity", "false");
        p.setProperty("mail.smtp.sendpartial", "true");
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

    private static String describe(MessagingException e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()).strip());
        for (Exception next = e.getNextException(); next != null;
             next = next instanceof MessagingException m ? m.getNextException() : null) {
            text.append("; ").append(String.valueOf(next.getMessage()).strip());
        }
        return text.toString();
    }

    private static void closeQuietly(SharedFileInputStream bytes) {
        if (bytes != null) {
            try {
                bytes.close();
            } catch (IOException ignored) {
                // Only a read handle on a temporary file that is deleted next.
            }
        }
    }
}
