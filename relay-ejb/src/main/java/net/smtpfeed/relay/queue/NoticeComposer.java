package net.smtpfeed.relay.queue;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import net.smtpfeed.domain.mail.SmtpReply;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.eclipse.angus.mail.dsn.MultipartReport;

/**
 * Writes the delivery status notification (RFC 3464: multipart/report with a human part, the machine-readable
 * message/delivery-status, and the original message's headers) that tells a sender their message failed.
 */
public class NoticeComposer {

    /** One recipient the message could not be delivered to, and why. */
    public record Failure(String recipient, boolean expired, SmtpReply reply, String remoteMta) {
    }

    /** The message that failed: its queue id, when we received it, its sender and its header section. */
    public record Original(String queueId, Instant receivedAt, String sender, byte[] headers) {
    }

    private static final DateTimeFormatter RFC_5322 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final String reportingMta;

    public NoticeComposer(String reportingMta) {
        this.reportingMta = reportingMta;
    }

    public byte[] compose(Original original, List<Failure> failures, Instant now) {
        try {
            Properties properties = new Properties();
            properties.setProperty("mail.from", "MAILER-DAEMON@" + reportingMta);
            MimeMessage notice = new MimeMessage(Session.getInstance(properties));
            notice.setFrom(new InternetAddress("MAILER-DAEMON@" + reportingMta, "Mail Delivery System"));
            notice.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(original.sender(), false));
            notice.setSubject("Undelivered Mail Returned to Sender");
            notice.setSentDate(Date.from(now));
            notice.setHeader("Auto-Submitted", "auto-replied");
            notice.setContent(new MultipartReport(explanation(original, failures), status(original, failures),
                    new InternetHeaders(new ByteArrayInputStream(original.headers()))));
            notice.saveChanges();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            notice.writeTo(bytes);
            return bytes.toByteArray();
        } catch (MessagingException e) {
            throw new IllegalStateException("could not write the notice for " + original.queueId(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String explanation(Original original, List<Failure> failures) {
        StringBuilder text = new StringBuilder()
                .append("This is the mail system at host ").append(reportingMta).append(".\n\n")
                .append("I'm sorry to have to inform you that your message could not\n")
                .append("be delivered to one or more recipients. Its headers are attached below.\n\n");
        for (Failure failure : failures) {
            text.append('<').append(failure.recipient()).append(">: ")
                    .append(failure.expired() ? "delivery time expired; last error: " : "")
                    .append(failure.reply()).append('\n');
        }
        return text.append("\nQueue ID: ").append(original.queueId()).append('\n').toString();
    }

    private DeliveryStatus status(Original original, List<Failure> failures) throws MessagingException {
        DeliveryStatus status = new DeliveryStatus();
        InternetHeaders perMessage = new InternetHeaders();
        perMessage.addHeader("Reporting-MTA", "dns; " + reportingMta);
        perMessage.addHeader("X-Smtpfeed-Queue-ID", original.queueId());
        perMessage.addHeader("Arrival-Date", RFC_5322.format(original.receivedAt()));
        status.setMessageDSN(perMessage);
        for (Failure failure : failures) {
            InternetHeaders perRecipient = new InternetHeaders();
            perRecipient.addHeader("Final-Recipient", "rfc822; " + failure.recipient());
            perRecipient.addHeader("Action", "failed");
            perRecipient.addHeader("Status", failure.expired() ? "4.4.7" : failure.reply().enhancedStatus());
            if (failure.remoteMta() != null) {
                perRecipient.addHeader("Remote-MTA", "dns; " + failure.remoteMta());
            }
            if (failure.reply().code() != SmtpReply.NO_CODE) {
                perRecipient.addHeader("Diagnostic-Code", "smtp; " + failure.reply());
            }
            status.addRecipientDSN(perRecipient);
        }
        return status;
    }
}
