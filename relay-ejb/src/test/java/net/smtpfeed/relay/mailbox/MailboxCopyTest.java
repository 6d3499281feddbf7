package net.smtpfeed.relay.mailbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.mailbox.MessageSummary;
import net.smtpfeed.domain.spam.SpamAction;
import net.smtpfeed.domain.spam.SpamLevel;
import net.smtpfeed.domain.spam.SpamMark;
import net.smtpfeed.relay.queue.ClaimedDelivery;
import net.smtpfeed.relay.queue.QueuedContent;
import org.junit.jupiter.api.Test;

class MailboxCopyTest {

    private static final String MESSAGE = "From: =?UTF-8?Q?J=C3=BCrgen?= <j@elsewhere.example>\r\n"
            + "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\nMessage-ID: <1@elsewhere.example>\r\nX-Spam-Flag: NO\r\n\r\n"
            + ".body line\r\nsecond line\r\n";

    @Test
    void theMailboxKeepsReturnPathDeliveredToTheHeadersAndTheBodyAsItCame() throws IOException {
        String copy = copyOf(Optional.empty());
        assertTrue(copy.startsWith("Return-Path: <sender@elsewhere.example>\r\nDelivered-To: sales@mailbox.example\r\n"
                + "From: =?UTF-8?Q?J=C3=BCrgen?= <j@elsewhere.example>\r\n"), copy);
        assertTrue(copy.endsWith("\r\n\r\n.body line\r\nsecond line\r\n"), copy);
    }

    @Test
    void theDomainsSpamMarksAreOnTheStoredCopy() throws IOException {
        String copy = copyOf(Optional.of(new SpamMark(6.0, SpamLevel.MED, SpamAction.SUBJECT, "[SPAM: med] ")));
        assertTrue(copy.contains("X-Spam-Flag: YES\r\n"), copy);
        assertTrue(copy.contains("X-Spam-Level: med\r\n"), copy);
        assertFalse(copy.contains("X-Spam-Flag: NO"), "the sender's own spam flag is gone");
    }

    @Test
    void theListingShowsTheDecodedFromAndSubjectAsMarked() {
        SpamMark med = new SpamMark(6.0, SpamLevel.MED, SpamAction.SUBJECT, "[SPAM: med] ");
        try (MailboxCopy copy = MailboxCopy.of(delivery(Optional.of(med)), content())) {
            assertEquals(new MessageSummary("<1@elsewhere.example>", "Jürgen <j@elsewhere.example>", "[SPAM: med] Grüße"),
                    copy.summary());
        }
    }

    private static String copyOf(Optional<SpamMark> mark) throws IOException {
        try (MailboxCopy copy = MailboxCopy.of(delivery(mark), content()); InputStream bytes = copy.bytes()) {
            return new String(bytes.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static QueuedContent content() {
        return QueuedContent.inMemory(MESSAGE.getBytes(StandardCharsets.US_ASCII));
    }

    private static ClaimedDelivery delivery(Optional<SpamMark> mark) {
        return new ClaimedDelivery(1, 1, 1L, "Q1", "sender@elsewhere.example", "sales@mailbox.example",
                new Destination("127.0.0.1", 2626), false, "node/1", Instant.now().plusSeconds(60), mark, true);
    }
}
