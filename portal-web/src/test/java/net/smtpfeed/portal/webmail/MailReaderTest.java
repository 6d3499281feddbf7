package net.smtpfeed.portal.webmail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stored message as the webmail shows it: header fields decoded, body chosen, other parts offered as files. */
class MailReaderTest {

    private static final String PLAIN = """
            From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <juergen@example.net>
            To: info@customer.example
            Date: Tue, 3 Nov 2026 10:15:00 +0000
            Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=
            Content-Type: text/plain; charset=UTF-8
            Content-Transfer-Encoding: 8bit

            Hallo, schöne Grüße.
            """;

    private static final String WITH_PARTS = """
            From: sender@example.net
            To: info@customer.example
            Subject: Report
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: multipart/related; boundary="inner"

            --inner
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain; charset=us-ascii

            See the chart.
            --alt
            Content-Type: text/html; charset=us-ascii

            <p>See the chart: <img src="cid:chart@example"></p>
            --alt--
            --inner
            Content-Type: image/png
            Content-ID: <chart@example>
            Content-Transfer-Encoding: base64

            iVBORw0KGgo=
            --inner--
            --outer
            Content-Type: application/pdf; name="report.pdf"
            Content-Disposition: attachment; filename="report.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            --outer--
            """;

    private static InputStream raw(String message) {
        return new ByteArrayInputStream(message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPlainMessageShowsItsDecodedFieldsAndText() {
        MailContent mail = MailReader.read(raw(PLAIN));

        assertEquals("Jürgen Müller <juergen@example.net>", mail.from());
        assertEquals("info@customer.example", mail.to());
        assertNull(mail.cc());
        assertEquals("Grüße", mail.subject());
        assertEquals(Instant.parse("2026-11-03T10:15:00Z"), mail.sent());
        assertEquals("Hallo, schöne Grüße.\r\n", mail.text());
        assertNull(mail.html());
        assertTrue(mail.attachments().isEmpty());
    }

    @Test
    void aMultipartMessageHasBothBodiesAndItsOtherPartsAsAttachmentsButTheImagesItsHtmlShows() {
        MailContent mail = MailReader.read(raw(WITH_PARTS));

        assertEquals("See the chart.", mail.text().strip());
        assertEquals("<p>See the chart: <img src=\"cid:chart@example\"></p>", mail.html().strip());
        assertEquals(List.of(new MailContent.MailPart(4, "report.pdf", "application/pdf", 9)), mail.attachments());
    }

    @Test
    void anImageWithAContentIdThatTheHtmlDoesNotShowIsAnAttachment() {
        MailContent mail = MailReader.read(raw(WITH_PARTS.replace("<img src=\"cid:chart@example\">", "")));

        assertEquals(List.of(new MailContent.MailPart(3, "part-3", "image/png", 8),
                new MailContent.MailPart(4, "report.pdf", "application/pdf", 9)), mail.attachments());
    }

    @Test
    void anAttachmentIsDownloadedDecodedByItsNumber() {
        MailContent.PartData pdf = MailReader.part(raw(WITH_PARTS), 4).orElseThrow();

        assertEquals("report.pdf", pdf.filename());
        assertEquals("application/pdf", pdf.contentType());
        assertArrayEquals("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), pdf.bytes());
        assertTrue(MailReader.part(raw(WITH_PARTS), 5).isEmpty());
        assertTrue(MailReader.part(raw(WITH_PARTS), 0).isEmpty());
    }

    @Test
    void anInlineImageIsFoundByItsContentId() {
        MailContent.PartData chart = MailReader.inline(raw(WITH_PARTS), "chart@example").orElseThrow();

        assertEquals("image/png", chart.contentType());
        assertEquals(8, chart.bytes().length);
        assertTrue(MailReader.inline(raw(WITH_PARTS), "other@example").isEmpty());
    }
}
