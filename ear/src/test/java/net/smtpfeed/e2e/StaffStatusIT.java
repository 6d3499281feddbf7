package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import net.smtpfeed.relay.testing.FreePorts;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Staff's system status page on the running product: the node that serves it, the queue and its throughput as charts,
 * the scanners, and a customer's server that is down with the error its last attempt got.
 */
@ExtendWith(ArquillianExtension.class)
class StaffStatusIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void theStatusPageShowsTheNodeTheChartsTheScannersAndAServerThatIsDown() throws Exception {
        int downPort = FreePorts.any();
        String domain = TestSystem.hostedDomain("customer", downPort);
        String queueId = TestSystem.queueId(TestSystem.sendMail("someone@" + domain, "Subject: waiting\r\n\r\nbody\r\n"));
        assertTrue(TestSystem.awaitDeliveryState(queueId, "DEFERRED", TIMEOUT).startsWith("DEFERRED"));
        Thread.sleep(3_000); // a queue sample (every 2 s in the test server) counts the message

        try (Browser browser = new Browser()) {
            browser.logIn("staff", "staff");
            browser.open("/staff/status.xhtml");

            String nodes = browser.text(By.id("nodes"));
            assertTrue(nodes.contains("up"), "the node serving the page is up: " + nodes);
            assertTrue(Long.parseLong(browser.text(By.id("accepted-span"))) >= 1, "the message counts as accepted");
            assertEquals(2L, browser.awaitScript("return document.querySelectorAll('canvas').length == 2 ? 2 : null"),
                    "the queue and throughput charts are drawn");
            String destinations = browser.text(By.id("destinations"));
            assertTrue(destinations.contains("127.0.0.1:" + downPort), destinations);
            String scanners = browser.text(By.id("scanners"));
            assertTrue(scanners.contains("answering"), scanners);
            browser.screenshot("staff-status");
            browser.script("document.getElementById('nodes').scrollIntoView()");
            browser.screenshot("staff-status-nodes");
        }
    }

    @Test
    void aNodeSilentForAnHourIsShownSilentAndOneSilentForDaysIsForgotten() throws Exception {
        String stopped = "stopped-an-hour-ago-" + System.nanoTime();
        String retired = "retired-days-ago-" + System.nanoTime();
        TestSystem.relayNodeLastSeen(stopped, Instant.now().minus(Duration.ofHours(1)));
        TestSystem.relayNodeLastSeen(retired, Instant.now().minus(Duration.ofDays(3)));
        Thread.sleep(3_000); // the next queue sample (every 2 s in the test server) forgets what is older than 2 days

        try (Browser browser = new Browser()) {
            browser.logIn("staff", "staff");
            browser.open("/staff/status.xhtml");

            String stoppedRow = browser.text(By.xpath("//*[@id='nodes']//tr[td[normalize-space()='" + stopped + "']]"));
            assertTrue(stoppedRow.contains("not answering"), "a node stopped an hour ago is listed as such: " + stoppedRow);
            String nodes = browser.text(By.id("nodes"));
            assertFalse(nodes.contains(retired), "a node silent for days is no longer listed: " + nodes);
        }
    }
}
