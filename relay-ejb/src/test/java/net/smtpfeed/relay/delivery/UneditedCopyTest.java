package net.smtpfeed.relay.delivery;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.spam.SpamAction;
import net.smtpfeed.domain.spam.SpamLevel;
import net.smtpfeed.domain.spam.SpamMark;
import net.smtpfeed.relay.queue.QueuedContent;
import net.smtpfeed.relay.testing.FreePorts;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.wiser.Wiser;

/**
 * What a customer's server (SubEthaSMTP's Wiser) receives of a copy no edit changes, sent from the stored bytes without
 * parsing them: the bytes as they were queued, and the bytes a parsed copy gave, which is how every copy was sent
 * before. Messages are strings of one char per byte, so that they compare byte for byte.
 */
class UneditedCopyTest {

    private static final SmtpTimeouts QUICK = new SmtpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));

    /** An edit that changes nothing, not {@link CopyEdit#NONE}: the copy is parsed and written out again. */
    private static final CopyEdit PARSED_UNCHANGED = message -> { };

    private static final String HEADERS = "Received: from mx.elsewhere.example\r\n\tby relay.test; Sat, 28 Nov 2026 12:00:00 +0000\r\n"
            + "From: Sender <sender@elsewhere.example>\r\nTo: someone@customer.example\r\nSubject: quarterly report\r\n"
            + "Message-ID: <abc@elsewhere.example>\r\n";

    private static final String PLAIN = HEADERS + "\r\nLine one\r\n\r\nlast line\r\n";

    private final SmtpDeliveryClient client = new SmtpDeliveryClient("relay.test", QUICK, Duration.ofSeconds(2), 5);

    @TempDir
    Path temp;

    private Wiser sink;

    @BeforeEach
    void start() {
        // Without a Received header of its own, the sink records exactly what came between DATA and the final dot.
        sink = Wiser.create(SMTPServer.port(FreePorts.any()).insertReceivedHeaders(false));
        sink.start();
    }

    @AfterEach
    void stop() {
        client.close();
        sink.stop();
    }

    static Stream<Arguments> wellFormedMessages() {
        return Stream.of(
                Arguments.of("plain", PLAIN),
                Arguments.of("dot-leading lines", HEADERS + "\r\n.a line that starts with a dot\r\n..two dots\r\n.\r\n"
                        + "after a lone dot\r\n.\r\n"),
                Arguments.of("8-bit UTF-8 body", HEADERS + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                        + "Content-Transfer-Encoding: 8bit\r\n\r\n" + utf8("Grüße aus München – ½ €\r\n")),
                Arguments.of("multipart", HEADERS + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                        + "This is a multi-part message in MIME format.\r\n--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                        + "Content-Transfer-Encoding: 8bit\r\n\r\n" + utf8("Siehe Anhang.\r\n.Punkt – ½\r\n") + "--b1\r\n"
                        + "Content-Type: application/octet-stream; name=\"r.bin\"\r\nContent-Transfer-Encoding: base64\r\n"
                        + "Content-Disposition: attachment; filename=\"r.bin\"\r\n\r\nAAECAwQFBgcICQoLDA0ODw==\r\n--b1--\r\nepilogue\r\n"),
                Arguments.of("8-bit UTF-8 header", HEADERS.replace("quarterly report", utf8("Grüße")) + "\r\nbody\r\n"),
                Arguments.of("a header line without a colon", HEADERS + "no colon here\r\n\r\nbody\r\n"),
                Arguments.of("a header section longer than one read", HEADERS
                        + "X-Trace: a header line of about forty characters\r\n".repeat(400) + "\r\nbody\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormedMessages")
    void anUneditedCopyArrivesByteForByteAsItWasQueued(String kind, String stored) {
        assertEquals(stored, delivered(QueuedContent.inMemory(bytes(stored)), CopyEdit.NONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormedMessages")
    void anUneditedCopyArrivesAsAParsedCopyDid(String kind, String stored) {
        assertEquals(delivered(stored, PARSED_UNCHANGED), delivered(stored, CopyEdit.NONE));
    }

    @Test
    void aMessageQueuedInAFileArrivesByteForByte() throws IOException {
        String stored = HEADERS + "\r\n" + "a line of the body, repeated until the message fills more than one read\r\n".repeat(2000);
        Path file = Files.write(temp.resolve("queued.eml"), bytes(stored));
        assertEquals(stored, delivered(QueuedContent.inFile(file), CopyEdit.NONE));
    }

    /** The transport ends the last line before the final dot, for a stored copy as it did for a parsed one. */
    @Test
    void aLastLineWithoutItsLineEndIsEndedByTheTransport() {
        String stored = HEADERS + "\r\nlast line without its end";
        assertEquals(stored + "\r\n", delivered(stored, CopyEdit.NONE));
        assertEquals(delivered(stored, PARSED_UNCHANGED), delivered(stored, CopyEdit.NONE));
    }

    /** SMTP wants CRLF; the transport's DATA stream makes every line end one, for a stored copy as for a parsed one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bareLineEnds")
    void bareLineEndsArriveAsCrlf(String kind, String lineEnd) {
        String stored = HEADERS.replace("\r\n", lineEnd) + lineEnd + "Line one" + lineEnd + ".dot" + lineEnd;
        assertEquals(HEADERS + "\r\nLine one\r\n.dot\r\n", delivered(stored, CopyEdit.NONE));
        assertEquals(delivered(stored, PARSED_UNCHANGED), delivered(stored, CopyEdit.NONE));
    }

    static Stream<Arguments> bareLineEnds() {
        return Stream.of(Arguments.of("LF", "\n"), Arguments.of("CR", "\r"));
    }

    /** Angus asks every message to leave these out, and a parsed copy did: a stored one does too. */
    @Test
    void bccAndContentLengthFieldsAreLeftOutAsFromAParsedCopy() {
        String stored = HEADERS + "Bcc: hidden@customer.example,\r\n\tother@customer.example\r\ncontent-length : 12\r\n"
                + "X-After: kept\r\n\r\nBcc: in the body\r\n";
        assertEquals(HEADERS + "X-After: kept\r\n\r\nBcc: in the body\r\n", delivered(stored, CopyEdit.NONE));
        assertEquals(delivered(stored, PARSED_UNCHANGED), delivered(stored, CopyEdit.NONE));
    }

    /** Where parsing changed the bytes of a malformed message, the relay now forwards them as they came. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("messagesParsingChanged")
    void whereParsingChangedAMessageTheStoredBytesArrive(String kind, String stored, String parsed) {
        assertEquals(stored, delivered(stored, CopyEdit.NONE));
        assertEquals(parsed, delivered(stored, PARSED_UNCHANGED));
    }

    static Stream<Arguments> messagesParsingChanged() {
        return Stream.of(
                Arguments.of("no blank line: parsing added one", HEADERS, HEADERS + "\r\n"),
                Arguments.of("empty: parsing wrote a blank line", "", "\r\n"),
                Arguments.of("a folded first line: parsing trimmed it", " folded\r\n" + PLAIN, "folded\r\n" + PLAIN));
    }

    /**
     * Told to (mail.smtp.allow8bitmime), the transport turns a parsed copy's quoted-printable into 8-bit, which rewrites
     * its headers and gives it a new Message-ID; a stored copy gives it no header to act on and goes out as stored.
     */
    @Test
    void aStoredCopyIsNotConvertedTo8BitWhereAParsedOneWouldBe() throws Exception {
        String stored = HEADERS + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\nGr=C3=BC=C3=9Fe\r\n";
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(sink.getServer().getPort()));
        properties.setProperty("mail.smtp.allow8bitmime", "true");
        Session session = Session.getInstance(properties);
        Address[] recipient = {new InternetAddress("someone@customer.example")};
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(new StoredBytesMessage(session, QueuedContent.inMemory(bytes(stored))), recipient);
            transport.sendMessage(new SMTPMessage(session, new ByteArrayInputStream(bytes(stored))), recipient);
        }
        assertEquals(stored, received(0));
        assertTrue(received(1).contains("Content-Transfer-Encoding: 8bit"), received(1));
        assertFalse(received(1).contains("Message-ID: <abc@elsewhere.example>"), received(1));
    }

    @Test
    void aSpamMarkedCopyIsStillParsedAndGetsItsHeadersAndSubjectTag() {
        CopyEdit mark = SpamMarking.of(Optional.of(new SpamMark(3.46, SpamLevel.LOW, SpamAction.SUBJECT, "[SPAM: low] ")));
        String received = delivered(PLAIN, mark);
        assertTrue(received.contains("Subject: [SPAM: low] quarterly report\r\n"), received);
        assertTrue(received.contains("X-Spam-Flag: YES\r\n"), received);
        assertTrue(received.endsWith("\r\n\r\nLine one\r\n\r\nlast line\r\n"), received);
        assertNotEquals(PLAIN, received);
    }

    private String delivered(String stored, CopyEdit edit) {
        return delivered(QueuedContent.inMemory(bytes(stored)), edit);
    }

    private String delivered(QueuedContent content, CopyEdit edit) {
        int before = sink.getMessages().size();
        List<RecipientResult> results = client.send(new Destination("127.0.0.1", sink.getServer().getPort()),
                "sender@elsewhere.example", List.of("someone@customer.example"), content, false, edit);
        assertTrue(results.get(0).accepted(), results.toString());
        return received(before);
    }

    private String received(int index) {
        return new String(sink.getMessages().get(index).getData(), ISO_8859_1);
    }

    /** The text's UTF-8 bytes, one char per byte. */
    private static String utf8(String text) {
        return new String(text.getBytes(UTF_8), ISO_8859_1);
    }

    private static byte[] bytes(String oneCharPerByte) {
        return oneCharPerByte.getBytes(ISO_8859_1);
    }
}
