package net.smtpfeed.relay.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import net.smtpfeed.domain.spam.SpamAction;
import net.smtpfeed.domain.spam.SpamLevel;
import net.smtpfeed.domain.spam.SpamMark;
import org.junit.jupiter.api.Test;

/** What a customer's server receives of a copy that spam checking marked: read back from the bytes that are sent. */
class SpamMarkingTest {

    private static final SpamMark LOW_SUBJECT = new SpamMark(3.46, SpamLevel.LOW, SpamAction.SUBJECT, "[SPAM: low] ");
    private static final String BODY = "Cheap watches, today only.\r\n";

    @Test
    void theSubjectActionPrefixesTheSubjectAndSetsTheHeaders() throws Exception {
        MimeMessage sent = sent(message("Subject: Cheap watches\r\n"), LOW_SUBJECT);
        assertEquals("[SPAM: low] Cheap watches", sent.getSubject());
        assertEquals("YES", sent.getHeader("X-Spam-Flag", null));
        assertEquals("low", sent.getHeader("X-Spam-Level", null));
        assertEquals("3.5", sent.getHeader("X-Spam-Score", null));
    }

    @Test
    void anEncodedSubjectIsDecodedPrefixedAndEncodedAgain() throws Exception {
        MimeMessage sent = sent(message("Subject: =?UTF-8?B?R3LDvMOfZSBhdXMgTcO8bmNoZW4=?=\r\n"), LOW_SUBJECT);
        assertEquals("[SPAM: low] Grüße aus München", sent.getSubject());
        assertTrue(sent.getHeader("Subject", null).startsWith("=?UTF-8?"), "still MIME encoded on the wire");
    }

    @Test
    void aSubjectThatAlreadyHasTheTextIsNotTaggedAgain() throws Exception {
        MimeMessage sent = sent(message("Subject: [SPAM: low] Cheap watches\r\n"), LOW_SUBJECT);
        assertEquals("[SPAM: low] Cheap watches", sent.getSubject());
    }

    @Test
    void theHeaderActionLeavesTheSubjectAlone() throws Exception {
        MimeMessage sent = sent(message("Subject: Cheap watches\r\n"), new SpamMark(6, SpamLevel.MED, SpamAction.HEADER, null));
        assertEquals("Cheap watches", sent.getSubject());
        assertEquals("med", sent.getHeader("X-Spam-Level", null));
    }

    @Test
    void spamHeadersTheSenderWroteNeverReachTheCustomer() throws Exception {
        String forged = "Subject: Hello\r\nX-Spam-Flag: NO\r\nX-Spam-Score: -100\r\n";
        MimeMessage clean = sent(message(forged), new SpamMark(0.4, SpamLevel.NONE, SpamAction.NONE, null));
        assertNull(clean.getHeader("X-Spam-Flag"));
        assertNull(clean.getHeader("X-Spam-Score"));
        MimeMessage spam = sent(message(forged), LOW_SUBJECT);
        assertArrayEquals(new String[] {"YES"}, spam.getHeader("X-Spam-Flag"));
        assertArrayEquals(new String[] {"3.5"}, spam.getHeader("X-Spam-Score"));
    }

    @Test
    void theBodyGoesOutAsItCame() throws Exception {
        MimeMessage sent = sent(message("Subject: Cheap watches\r\n"), LOW_SUBJECT);
        assertEquals(BODY, new String(sent.getRawInputStream().readAllBytes(), StandardCharsets.US_ASCII));
    }

    @Test
    void aCopyWithoutMarkIsSentUntouched() throws Exception {
        byte[] original = message("Subject: Hello\r\nX-Spam-Flag: NO\r\n");
        MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(original));
        SpamMarking.of(Optional.empty()).applyTo(parsed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parsed.writeTo(out);
        assertEquals(new String(original, StandardCharsets.US_ASCII), out.toString(StandardCharsets.US_ASCII));
    }

    private static byte[] message(String headers) {
        return ("From: someone@elsewhere.example\r\nTo: someone@customer.example\r\n" + headers
                + "Message-ID: <1@elsewhere.example>\r\n\r\n" + BODY).getBytes(StandardCharsets.US_ASCII);
    }

    /** The copy as it is written to the customer's server, parsed again as that server would. */
    private static MimeMessage sent(byte[] queued, SpamMark mark) throws Exception {
        Session session = Session.getInstance(new Properties());
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(queued));
        SpamMarking.of(Optional.of(mark)).applyTo(message);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return new MimeMessage(session, new ByteArrayInputStream(out.toByteArray()));
    }
}
