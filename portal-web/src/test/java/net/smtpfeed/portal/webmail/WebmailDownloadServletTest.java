package net.smtpfeed.portal.webmail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How a downloaded message or part is named: after its subject, safe for any file system and any browser. */
class WebmailDownloadServletTest {

    private static MessageRow withSubject(String subject) {
        return new MessageRow(42, 7, "someone@example.net", subject, Instant.EPOCH, 100, false);
    }

    @Test
    void aMessageIsNamedAfterItsSubjectWithoutWhatFileSystemsRefuse() {
        assertEquals("Invoice _2026_ part 1_2.eml", WebmailDownloadServlet.filename(withSubject("Invoice <2026> part 1/2")));
        assertEquals("message-42.eml", WebmailDownloadServlet.filename(withSubject(null)));
        assertEquals("message-42.eml", WebmailDownloadServlet.filename(withSubject("  ")));
    }

    @Test
    void aNameOutsideAsciiIsGivenExactlyInUtf8AndApproximatelyForOldBrowsers() {
        assertEquals("attachment; filename=\"Gr__e.eml\"; filename*=UTF-8''Gr%C3%BC%C3%9Fe.eml",
                WebmailDownloadServlet.disposition("attachment", "Grüße.eml"));
    }
}
