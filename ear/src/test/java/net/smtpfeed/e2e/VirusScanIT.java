package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mandatory virus scan, over real SMTP: with the built-in scanner, or with a real clamd when the build names one
 * (SMTPFEED_IT_CLAMD, as .ci/run does).
 */
@ExtendWith(ArquillianExtension.class)
class VirusScanIT {


    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void aVirusInAZippedAttachmentIsRefusedWith554AndNeverReachesTheCustomer() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start()) {
            String domain = TestSystem.hostedDomain("customer", customerServer.port());

            String reply = TestSystem.sendMail("someone@" + domain, MessagesWithAttachments.withZippedAttachment("invoice.txt", MessagesWithAttachments.eicar()));

            assertTrue(reply.startsWith("554 5.7.1 message refused: virus found: "), reply);
            assertTrue(reply.toLowerCase().contains("eicar"), reply);
            assertEquals(List.of(), customerServer.awaitMessages(1, Duration.ofSeconds(3)), "nothing reached the customer");
            List<String> refusals = TestSystem.refusalsOf(domain);
            assertEquals(1, refusals.size(), "the refusal is recorded for the domain");
            assertTrue(refusals.get(0).contains("sender@elsewhere.example"), refusals.get(0));
            assertTrue(refusals.get(0).toLowerCase().contains("eicar"), refusals.get(0));
        }
    }

    @Test
    void aCleanMessageIsDeliveredAndItsTimelineShowsTheScan() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start()) {
            String domain = TestSystem.hostedDomain("customer", customerServer.port());

            String reply = TestSystem.sendMail("someone@" + domain, MessagesWithAttachments.withZippedAttachment("notes.txt", "meeting at ten"));

            assertTrue(reply.startsWith("250 "), reply);
            assertEquals(1, customerServer.awaitMessages(1, Duration.ofSeconds(30)).size());
            List<String> timeline = TestSystem.timeline(TestSystem.queueId(reply));
            assertTrue(timeline.stream().anyMatch(line -> line.startsWith("VIRUS_SCAN CLEAN ") && line.endsWith(" ms")),
                    "the scan, its engine and its time: " + timeline);
        }
    }
}
