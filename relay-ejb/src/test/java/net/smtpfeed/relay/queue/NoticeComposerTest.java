package net.smtpfeed.relay.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import net.smtpfeed.domain.mail.SmtpReply;
import org.junit.jupiter.api.Test;

/** The notice a sender gets when a message could not be delivered: RFC 3464, read back with Jakarta Mail. */
class NoticeComposerTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-28T12:00:00Z");
    private static final byte[] HEADERS = ("From: Sender <sender@elsewhere.example>\r\nTo: nobody@customer.example\r\n"
            + "Subject: quarterly report\r\nMessage-ID: <q4@elsewhere.example>\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private final NoticeComposer composer = new NoticeComposer("relay.isp.example");

    @Test
    void aRefusedRecipientIsReportedAsAMultipartReportWithTheOriginalHeaders() throws Exception {
        MimeMessage notice = read(composer.compose(new NoticeComposer.Original("Q1", RECEIVED, "sender@elsewhere.example", HEADERS),
                List.of(new NoticeComposer.Failure("nobody@customer.example", false,
                        SmtpReply.parse("550 5.1.1 <nobody@customer.example>: user unknown"), "127.0.0.1:2626")),
                RECEIVED.plusSeconds(2)));

        assertEquals("sender@elsewhere.example", notice.getRecipients(MimeMessage.RecipientType.TO)[0].toString());
        assertEquals("auto-replied", notice.getHeader("Auto-Submitted", null));
        assertTrue(notice.getContentType().startsWith("multipart/report"), notice.getContentType());
        assertTrue(notice.getContentType().contains("report-type=delivery-status"), notice.getContentType());
        MimeMultipart parts = (MimeMultipart) notice.getContent();
        assertEquals(3, parts.getCount());
        String status = text(parts, 1);
        assertTrue(parts.getBodyPart(1).isMimeType("message/delivery-status"));
        assertTrue(status.contains("Reporting-MTA: dns; relay.isp.example"), status);
        assertTrue(status.contains("Final-Recipient: rfc822; nobody@customer.example"), status);
        assertTrue(status.contains("Action: failed"), status);
        assertTrue(status.contains("Status: 5.1.1"), status);
        assertTrue(status.contains("Diagnostic-Code: smtp; 550 5.1.1 <nobody@customer.example>: user unknown"), status);
        assertTrue(parts.getBodyPart(2).isMimeType("text/rfc822-headers"));
        assertTrue(text(parts, 2).contains("Subject: quarterly report"));
    }

    @Test
    void anExpiredRecipientSaysTheDeliveryTimeExpired() throws Exception {
        MimeMessage notice = read(composer.compose(new NoticeComposer.Original("Q2", RECEIVED, "sender@elsewhere.example", HEADERS),
                List.of(new NoticeComposer.Failure("someone@customer.example", true,
                        SmtpReply.parse("connect to 127.0.0.1:2626: connection refused"), null)),
                RECEIVED.plusSeconds(172_800)));
        MimeMultipart parts = (MimeMultipart) notice.getContent();
        assertTrue(text(parts, 1).contains("Status: 4.4.7"));
        assertTrue(text(parts, 0).contains("delivery time expired"));
    }

    private static MimeMessage read(byte[] bytes) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }

    private static String text(MimeMultipart parts, int index) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.getBodyPart(index).getInputStream().transferTo(out);
        return out.toString(StandardCharsets.US_ASCII);
    }
}
