package net.smtpfeed.relay.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.smtpfeed.domain.hosting.DeliveryTarget;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mail.EmailAddress;
import net.smtpfeed.domain.mail.Stage;
import net.smtpfeed.domain.spam.SpamPolicy;
import net.smtpfeed.domain.spam.SpamScore;
import net.smtpfeed.relay.smtp.AcceptingDomain;
import net.smtpfeed.relay.smtp.Envelope;
import net.smtpfeed.relay.smtp.Finding;
import net.smtpfeed.relay.smtp.Inspection;
import net.smtpfeed.relay.smtp.SpooledMessage;
import org.junit.jupiter.api.Test;

/** When a message is scored, and what its timeline says when it is not. */
class SpamInspectionTest {

    private static final DeliveryTarget SERVER = new DeliveryTarget(new Destination("127.0.0.1", 25), false, false);
    private static final AcceptingDomain CHECKING = new AcceptingDomain(1, "checking.example", false,
            Optional.of(SpamPolicy.defaults()), HostedDomain.DEFAULT_QUEUE_LIFETIME, SERVER);
    private static final AcceptingDomain NOT_CHECKING = new AcceptingDomain(2, "plain.example", false, Optional.empty(),
            HostedDomain.DEFAULT_QUEUE_LIFETIME, SERVER);
    private static final byte[] MESSAGE = "Subject: hello\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);

    private final AtomicInteger scored = new AtomicInteger();
    private final SpamEngine sevenPoints = engine(() -> new SpamScore(7.04, List.of("HTML_ONLY", "SUBJ_ALL_CAPS")));

    @Test
    void aMessageForAtLeastOneCheckingDomainIsScoredOnceWithEngineRulesAndTime() throws Exception {
        Inspection inspection = inspect(new SpamInspection(sevenPoints, 1_000_000), CHECKING, NOT_CHECKING, CHECKING);

        assertEquals(1, scored.get());
        assertEquals(Optional.of(7.04), inspection.spamScore().map(SpamScore::points));
        Finding finding = inspection.findings().get(0);
        assertEquals(Stage.SPAM_CHECK, finding.stage());
        assertEquals("SCORED", finding.outcome());
        assertTrue(finding.detail().matches("7\\.0 points by test engine in \\d+ ms: HTML_ONLY, SUBJ_ALL_CAPS"),
                finding.detail());
    }

    @Test
    void aMessageForDomainsThatDoNotCheckSpamIsNotScored() throws Exception {
        Inspection inspection = inspect(new SpamInspection(sevenPoints, 1_000_000), NOT_CHECKING);

        assertEquals(0, scored.get());
        assertEquals(Optional.empty(), inspection.spamScore());
        assertEquals(List.of(), inspection.findings());
    }

    @Test
    void anEngineThatGivesNoScoreLetsTheMessageGoOnUntaggedAndSaysWhy() throws Exception {
        SpamEngine down = engine(() -> {
            throw new SpamEngineUnavailable("spamd at 127.0.0.1:783: connection refused");
        });

        Inspection inspection = inspect(new SpamInspection(down, 1_000_000), CHECKING);

        assertEquals(Optional.empty(), inspection.spamScore());
        assertEquals("UNAVAILABLE", inspection.findings().get(0).outcome());
        assertEquals("test engine: spamd at 127.0.0.1:783: connection refused; delivered untagged",
                inspection.findings().get(0).detail());
    }

    @Test
    void aMessageLargerThanTheLimitIsNotScored() throws Exception {
        Inspection inspection = inspect(new SpamInspection(sevenPoints, MESSAGE.length - 1), CHECKING);

        assertEquals(0, scored.get());
        assertEquals(Optional.empty(), inspection.spamScore());
        assertEquals("SKIPPED", inspection.findings().get(0).outcome());
    }

    private interface Scoring {
        SpamScore score() throws SpamEngineUnavailable;
    }

    private SpamEngine engine(Scoring scoring) {
        return new SpamEngine() {
            @Override
            public SpamScore score(ScannableMessage message) throws SpamEngineUnavailable {
                scored.incrementAndGet();
                return scoring.score();
            }

            @Override
            public String engine() {
                return "test engine";
            }
        };
    }

    private static Inspection inspect(SpamInspection inspection, AcceptingDomain... domains) throws Exception {
        List<Envelope.Recipient> recipients = Arrays.stream(domains)
                .map(d -> new Envelope.Recipient(EmailAddress.parse("someone@" + d.name()), d)).toList();
        Envelope envelope = new Envelope("sender@elsewhere.example", recipients, "198.51.100.7", "mx.elsewhere.example");
        try (SpooledMessage message = SpooledMessage.spool(new ByteArrayInputStream(MESSAGE), new byte[0], 1_000_000)) {
            return inspection.inspect(envelope, message);
        }
    }
}
