package net.smtpfeed.relay.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import net.smtpfeed.domain.spam.SpamScore;

/**
 * The built-in spam engine: each rule fires on the case it is for and on nothing of a plain personal note; the test
 * messages that other tests rely on land in their bands of the default thresholds (Low from 3.0, Med from 5.0, High
 * from 10.0); and a message is read as a stream, within fixed bounds, whatever its size or its MIME.
 */
class BuiltInSpamEngineTest {

    private static final double LOW = 3.0;
    private static final double MED = 5.0;
    private static final double HIGH = 10.0;

    private final BuiltInSpamEngine engine = new BuiltInSpamEngine();

    private SpamScore score(String rawMessage) throws SpamEngineUnavailable {
        return engine.score(TestMessages.scannable(rawMessage));
    }

    @Test
    void aPlainPersonalNoteFiresNoRule() throws Exception {
        assertEquals(new SpamScore(0.0, List.of()), score(SpamTestMessages.personalNote()));
    }

    @Test
    void gtubeIsHigh() throws Exception {
        SpamScore score = score(SpamTestMessages.gtube());

        assertEquals(new SpamScore(1000.0, List.of("GTUBE")), score);
        assertTrue(score.points() >= HIGH);
    }

    @Test
    void theLowTestMessageIsLow() throws Exception {
        SpamScore score = score(SpamTestMessages.lowSpam());

        assertEquals(new SpamScore(SpamTestMessages.LOW_BUILT_IN_SCORE,
                List.of("FROM_NAME_OTHER_DOMAIN", "MIME_HTML_ONLY", "HTTP_TO_IP")), score);
        assertTrue(score.points() >= LOW && score.points() < MED, score.toString());
    }

    @Test
    void theMedTestMessageIsMed() throws Exception {
        SpamScore score = score(SpamTestMessages.medSpam());

        assertEquals(new SpamScore(SpamTestMessages.MED_BUILT_IN_SCORE, List.of("FROM_NAME_OTHER_DOMAIN",
                "REPLYTO_OTHER_DOMAIN", "SUBJ_ALL_CAPS", "SUBJ_EXCESS_PLING", "MIME_HTML_ONLY", "HTTP_TO_IP")), score);
        assertTrue(score.points() >= MED && score.points() < HIGH, score.toString());
    }

    @Test
    void theRulesScoreAsTheirTableSays() {
        Map<String, Double> documented = new LinkedHashMap<>();
        documented.put("GTUBE", 1000.0);
        documented.put("MISSING_DATE", 2.7);
        documented.put("INVALID_DATE", 1.7);
        documented.put("DATE_IN_FUTURE", 2.6);
        documented.put("MISSING_MID", 0.6);
        documented.put("INVALID_MSGID", 2.6);
        documented.put("MISSING_FROM", 1.0);
        documented.put("FROM_NAME_OTHER_DOMAIN", 2.0);
        documented.put("REPLYTO_OTHER_DOMAIN", 0.8);
        documented.put("MISSING_TO", 0.9);
        documented.put("MISSING_SUBJECT", 1.3);
        documented.put("SUBJ_ALL_CAPS", 0.5);
        documented.put("SUBJ_EXCESS_PLING", 0.8);
        documented.put("MIME_HTML_ONLY", 0.7);
        documented.put("HTTP_TO_IP", 1.2);

        Map<String, Double> actual = BuiltInSpamRules.ALL.stream()
                .collect(Collectors.toMap(SpamRule::name, SpamRule::points, (a, b) -> a, LinkedHashMap::new));

        assertEquals(documented, actual);
    }

    /** The personal note with one thing changed, and the one rule that change fires. */
    static Stream<Arguments> oneRuleEach() {
        String note = SpamTestMessages.personalNote();
        return Stream.of(
                arguments("GTUBE", replaceBody(note, "text/plain", "ignore this: " + SpamTestMessages.GTUBE)),
                arguments("MISSING_DATE", without(note, "Date")),
                arguments("INVALID_DATE", with(note, "Date", "28/11/2026 17:00")),
                arguments("INVALID_DATE", with(note, "Date", "Sat, 28 Nov 26 17:00:00 +0000")),
                arguments("INVALID_DATE", with(note, "Date", "Sat, 27 Nov 2026 17:00:00 +0000")), // a Friday
                arguments("DATE_IN_FUTURE", with(note, "Date", rfc5322(ZonedDateTime.now().plusDays(2)))),
                arguments("MISSING_MID", without(note, "Message-ID")),
                arguments("INVALID_MSGID", with(note, "Message-ID", "lunch.4711@mail.example.org")),
                arguments("INVALID_MSGID", with(note, "Message-ID", "<lunch.4711>")),
                arguments("MISSING_FROM", without(note, "From")),
                arguments("MISSING_FROM", with(note, "From", "Anna Berg")),
                arguments("FROM_NAME_OTHER_DOMAIN", with(note, "From", "\"PayPal.com\" <service@paypal-secure.example>")),
                arguments("FROM_NAME_OTHER_DOMAIN", with(note, "From",
                        "\"service@paypal.com\" <service@paypal-secure.example>")),
                arguments("FROM_NAME_OTHER_DOMAIN", with(note, "From",
                        "=?UTF-8?Q?Bank_=E2=80=93_bank.co.uk?= <alerts@bank-login.co.uk>")),
                arguments("REPLYTO_OTHER_DOMAIN", with(note, "Reply-To", "Anna <anna.berg@elsewhere.example>")),
                arguments("MISSING_TO", without(note, "To")),
                arguments("MISSING_SUBJECT", without(note, "Subject")),
                arguments("SUBJ_ALL_CAPS", with(note, "Subject", "LUNCH ON THURSDAY")),
                arguments("SUBJ_ALL_CAPS", with(note, "Subject", "=?UTF-8?B?w5xCRVJSQVNDSFVORyBGw5xSIFNJRQ==?=")),
                arguments("SUBJ_EXCESS_PLING", with(note, "Subject", "Lunch on Thursday!!!")),
                arguments("SUBJ_EXCESS_PLING", with(note, "Subject", "Lunch! On! Thursday!")),
                arguments("MIME_HTML_ONLY", replaceBody(note, "text/html", "<p>Lunch on Thursday?</p>")),
                arguments("HTTP_TO_IP", replaceBody(note, "text/plain", "menu: http://192.0.2.10/menu.pdf")),
                arguments("HTTP_TO_IP", replaceBody(note, "text/plain", "menu: https://user@192.0.2.10:8443/")),
                arguments("HTTP_TO_IP", replaceBody(note, "text/plain", "menu: http://[2001:db8::10]/menu")),
                arguments("HTTP_TO_IP", replaceBody(note, "text/plain", "menu: http://3221225994/menu")),
                arguments("HTTP_TO_IP", multipartAlternative(note, "the menu is online",
                        "<a href=\"http://192.0.2.10/menu\">the menu</a> is online")));
    }

    @ParameterizedTest(name = "{0}: {index}")
    @MethodSource("oneRuleEach")
    void eachRuleFiresOnItsCaseAlone(String rule, String message) throws Exception {
        SpamScore score = score(message);

        double points = BuiltInSpamRules.ALL.stream().filter(r -> r.name().equals(rule)).findFirst().orElseThrow()
                .points();
        assertEquals(new SpamScore(points, List.of(rule)), score);
    }

    /** Changes to the personal note that mail clients and lists make every day, and that must fire nothing. */
    static Stream<Arguments> ordinaryVariations() {
        String note = SpamTestMessages.personalNote();
        return Stream.of(
                arguments("a Date with a zone comment", with(note, "Date", SpamTestMessages.now() + " (UTC)")),
                arguments("a Date in an obsolete zone", with(note, "Date",
                        DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss", Locale.ROOT)
                                .format(ZonedDateTime.now(ZoneOffset.ofHours(-5))) + " EST")),
                arguments("a Date an hour ahead", with(note, "Date", rfc5322(ZonedDateTime.now().plusHours(1)))),
                arguments("a first.last display name", with(note, "From", "anna.berg <anna@example.org>")),
                arguments("a display name naming its own domain", with(note, "From",
                        "\"Example (mail.example.org)\" <news@example.org>")),
                arguments("a Reply-To at a subdomain", with(note, "Reply-To", "<lunch@lists.example.org>")),
                arguments("a short capital subject", with(note, "Subject", "RE: IBM")),
                arguments("two exclamation marks", with(note, "Subject", "Lunch on Thursday!!")),
                arguments("text and HTML", multipartAlternative(note, "Lunch?", "<p>Lunch?</p>")),
                arguments("a link to a host name", replaceBody(note, "text/plain",
                        "menu: http://example.org/192.0.2.10/menu, version 1.2.3.4")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ordinaryVariations")
    void ordinaryMailFiresNoRule(String variation, String message) throws Exception {
        assertEquals(new SpamScore(0.0, List.of()), score(message));
    }

    @Test
    void gtubeIsFoundInEncodedPartsNestedAndForwarded() throws Exception {
        String base64Gtube = Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(
                ("see below\r\n" + SpamTestMessages.GTUBE + "\r\n").getBytes(StandardCharsets.US_ASCII));
        String nested = """
                From: Anna Berg <anna@example.org>
                To: Customer <info@customer.example>
                Subject: Fwd: test
                Date: %s
                Message-ID: <fwd.4714@mail.example.org>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: text/plain

                The forwarded message is attached.
                --outer
                Content-Type: message/rfc822

                From: someone@example.net
                Subject: test
                Content-Type: multipart/alternative; boundary=inner

                --inner
                Content-Type: text/plain; charset=us-ascii
                Content-Transfer-Encoding: base64

                %s
                --inner--
                --outer--
                """.formatted(SpamTestMessages.now(), base64Gtube);

        assertEquals(List.of("GTUBE"), score(nested).rules());
    }

    @Test
    void aTwentyMegabyteAttachmentIsReadAsAStreamAndTheTextAfterItIsStillSeen() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        long attachmentBytes = 20L * 1024 * 1024;
        ScannableMessage large = generated(opened, attachmentBytes, SpamTestMessages.GTUBE);

        SpamScore score = engine.score(large);

        assertEquals(List.of("GTUBE"), score.rules());
        assertEquals(1, opened.get(), "the message is read once");
        assertTrue(large.size() > attachmentBytes * 4 / 3);
    }

    @Test
    void onlyTheFirstQuarterMegabyteOfATextPartIsRead() throws Exception {
        String filler = "All work and no play makes Jack a dull boy.\n".repeat(
                MessageFactsReader.MAX_TEXT_BYTES_PER_PART / 40);

        assertEquals(List.of("GTUBE"), score(replaceBody(SpamTestMessages.personalNote(), "text/plain",
                SpamTestMessages.GTUBE + "\n" + filler)).rules());
        assertEquals(List.of(), score(replaceBody(SpamTestMessages.personalNote(), "text/plain",
                filler + SpamTestMessages.GTUBE)).rules());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/html\n\n<p>no end boundary",
            "Content-Type: multipart/mixed\n\n--b\nContent-Type: text/html\n\n<p>no boundary parameter</p>\n--b--",
            "Content-Type: text/html; charset=no-such-charset\nContent-Transfer-Encoding: base64\n\n!!not base64!!",
            "Content-Type: multipart/mixed; boundary=b\n\n--b\n--b\n--b--\n--b--\n",
            "Content-Type: text/html; charset=\"unterminated\n\n<p>broken header</p>",
            "Content-Type: ;;;\n\n<p>broken header</p>"})
    void brokenMimeIsScoredAsFarAsItReads(String mime) throws Exception {
        String message = "From: Anna Berg <anna@example.org>\nTo: info@customer.example\nSubject: broken\n"
                + "Date: " + SpamTestMessages.now() + "\nMessage-ID: <broken.4715@mail.example.org>\n" + mime + "\n";

        SpamScore score = score(message);

        assertFalse(score.rules().contains("GTUBE"));
    }

    @Test
    void aPartNestedDeeperThanTheLimitIsReadPastNotInto() throws Exception {
        StringBuilder message = new StringBuilder("From: Anna Berg <anna@example.org>\nTo: info@customer.example\n"
                + "Subject: deep\nDate: " + SpamTestMessages.now() + "\nMessage-ID: <deep.4716@mail.example.org>\n");
        int depth = MessageFactsReader.MAX_NESTING + 5;
        for (int i = 0; i < depth; i++) {
            message.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\n\n--b").append(i)
                    .append("\n");
        }
        message.append("Content-Type: text/plain\n\n").append(SpamTestMessages.GTUBE).append("\n");
        for (int i = depth - 1; i >= 0; i--) {
            message.append("--b").append(i).append("--\n");
        }

        assertEquals(List.of(), score(message.toString()).rules());
    }

    @Test
    void aMessageThatCannotBeReadIsUnavailable() {
        ScannableMessage unreadable = new ScannableMessage() {
            @Override
            public InputStream open() throws IOException {
                throw new IOException("spool file gone");
            }

            @Override
            public long size() {
                return 100;
            }
        };

        SpamEngineUnavailable unavailable = assertThrows(SpamEngineUnavailable.class, () -> engine.score(unreadable));

        assertTrue(unavailable.getMessage().contains("spool file gone"), unavailable.getMessage());
    }

    @Test
    void itsNameIsBuiltIn() {
        assertEquals("built-in", engine.engine());
    }

    private static String rfc5322(ZonedDateTime time) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(time);
    }

    /** The message without the header (its first line only: the test messages fold none). */
    private static String without(String message, String header) {
        return message.replaceFirst("(?m)^" + header + ":.*\n", "");
    }

    /** The message with the header's value replaced, or the header added before the others. */
    private static String with(String message, String header, String value) {
        String replaced = message.replaceFirst("(?m)^" + header + ":.*$",
                java.util.regex.Matcher.quoteReplacement(header + ": " + value));
        return replaced.equals(message) && !message.contains("\n" + header + ": " + value)
                ? header + ": " + value + "\n" + message
                : replaced;
    }

    /** The message with a body of its own type in place of its own. */
    private static String replaceBody(String message, String contentType, String body) {
        String head = message.substring(0, message.indexOf("\n\n") + 1);
        return head.replaceFirst("(?m)^Content-Type:.*$", "Content-Type: " + contentType + "; charset=UTF-8")
                + "\n" + body + "\n";
    }

    private static String multipartAlternative(String message, String text, String html) {
        String head = message.substring(0, message.indexOf("\n\n") + 1)
                .replaceFirst("(?m)^Content-Type:.*$", "Content-Type: multipart/alternative; boundary=\"alt-4711\"")
                .replaceFirst("(?m)^Content-Transfer-Encoding:.*\n", "");
        return head + """

                --alt-4711
                Content-Type: text/plain; charset=UTF-8

                %s
                --alt-4711
                Content-Type: text/html; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                %s
                --alt-4711--
                """.formatted(text, html.replace("=", "=3D"));
    }

    /**
     * The personal note's headers over a multipart/mixed: an attachment of the given size of base64 lines, made as
     * they are read rather than held, then a text part.
     */
    private static ScannableMessage generated(AtomicInteger opened, long attachmentBytes, String textAfter) {
        String note = SpamTestMessages.personalNote();
        String head = note.substring(0, note.indexOf("\n\n") + 1)
                .replaceFirst("(?m)^Content-Type:.*$", "Content-Type: multipart/mixed; boundary=\"mixed-4711\"")
                .replaceFirst("(?m)^Content-Transfer-Encoding:.*\n", "")
                .replace("\n", "\r\n")
                + "\r\n--mixed-4711\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Disposition: attachment; filename=\"archive.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n";
        String tail = "--mixed-4711\r\nContent-Type: text/plain; charset=US-ASCII\r\n\r\n" + textAfter
                + "\r\n--mixed-4711--\r\n";
        byte[] line = (Base64.getEncoder().encodeToString(new byte[57]) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        long lines = attachmentBytes / 57;
        long size = head.length() + lines * line.length + tail.length();
        return new ScannableMessage() {
            @Override
            public InputStream open() {
                opened.incrementAndGet();
                InputStream attachment = new InputStream() {
                    private long left = lines * line.length;

                    @Override
                    public int read() {
                        byte[] one = new byte[1];
                        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) {
                        if (left == 0) {
                            return -1;
                        }
                        int n = (int) Math.min(length, left);
                        long position = lines * line.length - left;
                        for (int i = 0; i < n; i++) {
                            buffer[offset + i] = line[(int) ((position + i) % line.length)];
                        }
                        left -= n;
                        return n;
                    }
                };
                return new SequenceInputStream(new SequenceInputStream(
                        new ByteArrayInputStream(head.getBytes(StandardCharsets.US_ASCII)), attachment),
                        new ByteArrayInputStream(tail.getBytes(StandardCharsets.US_ASCII)));
            }

            @Override
            public long size() {
                return size;
            }
        };
    }
}
