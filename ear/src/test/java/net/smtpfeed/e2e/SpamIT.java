package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.smtpfeed.relay.filter.SpamTestMessages;
import net.smtpfeed.relay.testing.SmtpConversation;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Spam levels and the customer's actions, over real SMTP to the deployed relay with the built-in engine (the default
 * thresholds: Low from 3, Med from 5, High from 10; the default actions: subject text, subject text, delete).
 */
@ExtendWith(ArquillianExtension.class)
class SpamIT {

    private static final Duration DELIVERED_WITHIN = Duration.ofSeconds(30);
    /** The subject of {@link SpamTestMessages#lowSpam()}, which the built-in engine scores 3.9: Low. */
    private static final String LOW_SUBJECT = "Your account needs your attention";

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void gtubeIsNotDeliveredButKeptInQuarantine() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start()) {
            String domain = TestSystem.spamCheckingDomain("customer", customerServer.port());

            String reply = TestSystem.sendMail("someone@" + domain, SpamTestMessages.gtube());

            assertTrue(reply.startsWith("250 "), "accepted, like every message that is not a virus: " + reply);
            String queueId = TestSystem.queueId(reply);
            assertEquals(List.of(), customerServer.awaitMessages(1, Duration.ofSeconds(3)), "nothing reached the customer");
            assertEquals("QUARANTINED", TestSystem.deliveryState(queueId));
            List<String> timeline = TestSystem.timeline(queueId);
            assertTrue(timeline.stream().anyMatch(line -> line.startsWith("SPAM_CHECK SCORED 1000")), timeline.toString());
            assertTrue(timeline.stream().anyMatch(line -> line.startsWith("SPAM_ACTION QUARANTINED " + domain + ": high")),
                    timeline.toString());
        }
    }

    @Test
    void aLowScoringMessageArrivesWithItsSubjectPrefixedOnceAndTheSpamHeaders() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start()) {
            String domain = TestSystem.spamCheckingDomain("customer", customerServer.port());

            String reply = TestSystem.sendMail("someone@" + domain, lowSpamWithSubject("[SPAM: low] " + LOW_SUBJECT));

            assertTrue(reply.startsWith("250 "), reply);
            String headers = customerServer.awaitMessages(1, DELIVERED_WITHIN).get(0).data();
            assertEquals(List.of("[SPAM: low] " + LOW_SUBJECT), header(headers, "Subject"),
                    "the sender's own prefix is not doubled");
            assertEquals(List.of("YES"), header(headers, "X-Spam-Flag"));
            assertEquals(List.of("low"), header(headers, "X-Spam-Level"));
            assertEquals(1, header(headers, "X-Spam-Score").size());
        }
    }

    @Test
    void aSubjectIsPrefixedWithTheLevelsText() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start()) {
            String domain = TestSystem.spamCheckingDomain("customer", customerServer.port());

            TestSystem.sendMail("someone@" + domain, SpamTestMessages.lowSpam());

            String headers = customerServer.awaitMessages(1, DELIVERED_WITHIN).get(0).data();
            assertEquals(List.of("[SPAM: low] " + LOW_SUBJECT), header(headers, "Subject"));
        }
    }

    @Test
    void aChangedActionInTheDatabaseAppliesToTheNextMessageWithoutARestart() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start()) {
            String domain = TestSystem.spamCheckingDomain("customer", customerServer.port());

            TestSystem.spamAction(domain, "low", "HEADER");
            TestSystem.sendMail("someone@" + domain, SpamTestMessages.lowSpam());
            String headersOnly = customerServer.awaitMessages(1, DELIVERED_WITHIN).get(0).data();
            TestSystem.spamAction(domain, "low", "DELETE");
            String deleted = TestSystem.queueId(TestSystem.sendMail("someone@" + domain,
                    SpamTestMessages.lowSpam()));

            assertEquals(List.of(LOW_SUBJECT), header(headersOnly, "Subject"));
            assertEquals(List.of("low"), header(headersOnly, "X-Spam-Level"));
            assertEquals("QUARANTINED", TestSystem.deliveryState(deleted));
        }
    }

    @Test
    void eachDomainsCopyGetsThatDomainsAction() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start()) {
            String tagging = TestSystem.spamCheckingDomain("customer", customerServer.port());
            String headersOnly = TestSystem.spamCheckingDomain("customer", customerServer.port());
            TestSystem.spamAction(headersOnly, "low", "HEADER");
            String unchecked = TestSystem.hostedDomain("customer", customerServer.port());

            try (SmtpConversation smtp = SmtpConversation.open("127.0.0.1", TestSystem.smtpPort())) {
                smtp.send("EHLO mx.elsewhere.example");
                smtp.send("MAIL FROM:<sender@elsewhere.example>");
                for (String domain : List.of(tagging, headersOnly, unchecked)) {
                    assertTrue(smtp.send("RCPT TO:<someone@" + domain + ">").startsWith("250"));
                }
                assertTrue(smtp.data(SpamTestMessages.lowSpam()).startsWith("250 "));
            }

            List<CustomerMailServer.Received> copies = customerServer.awaitMessages(3, DELIVERED_WITHIN).stream()
                    .sorted(Comparator.comparing(r -> r.recipients().get(0))).toList();
            assertEquals(3, copies.size(), "one copy per domain: " + copies);
            for (CustomerMailServer.Received copy : copies) {
                String recipient = copy.recipients().get(0);
                assertEquals(1, copy.recipients().size(), "each domain's copy is its own transaction: " + copy.recipients());
                List<String> subject = header(copy.data(), "Subject");
                if (recipient.endsWith("@" + tagging)) {
                    assertEquals(List.of("[SPAM: low] " + LOW_SUBJECT), subject);
                } else if (recipient.endsWith("@" + headersOnly)) {
                    assertEquals(List.of(LOW_SUBJECT), subject);
                    assertEquals(List.of("low"), header(copy.data(), "X-Spam-Level"));
                } else {
                    assertEquals(List.of(LOW_SUBJECT), subject);
                    assertEquals(List.of(), header(copy.data(), "X-Spam-Flag"), "a domain without spam checking gets none");
                }
            }
        }
    }

    @Test
    void aPersonalNoteIsDeliveredAsItCameWithItsScoreInTheTimeline() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start()) {
            String domain = TestSystem.spamCheckingDomain("customer", customerServer.port());

            String reply = TestSystem.sendMail("someone@" + domain, SpamTestMessages.personalNote());

            String headers = customerServer.awaitMessages(1, DELIVERED_WITHIN).get(0).data();
            assertEquals(List.of("Lunch on Thursday"), header(headers, "Subject"));
            assertFalse(headers.contains("X-Spam-"), headers);
            List<String> timeline = TestSystem.timeline(TestSystem.queueId(reply));
            assertTrue(timeline.stream().anyMatch(line -> line.startsWith("SPAM_CHECK SCORED ") && line.contains(" by built-in in ")),
                    timeline.toString());
            assertTrue(timeline.stream().anyMatch(line -> line.startsWith("SPAM_ACTION NONE " + domain + ": none")),
                    timeline.toString());
        }
    }

    private static String lowSpamWithSubject(String subject) {
        String message = SpamTestMessages.lowSpam();
        assertTrue(message.contains("Subject: " + LOW_SUBJECT + "\n"), message);
        return message.replace("Subject: " + LOW_SUBJECT + "\n", "Subject: " + subject + "\n");
    }

    /** The values of a header in a received header section, unfolded. */
    private static List<String> header(String headerSection, String name) {
        Matcher matcher = Pattern.compile("(?im)^" + Pattern.quote(name) + ":[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)")
                .matcher(headerSection);
        List<String> values = new ArrayList<>();
        while (matcher.find()) {
            values.add(matcher.group(1).replaceAll("\\r?\\n[ \\t]+", " ").strip());
        }
        return values;
    }
}
