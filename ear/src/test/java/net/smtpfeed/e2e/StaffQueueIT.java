package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.smtpfeed.relay.testing.FreePorts;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Staff's Queue page against the deployed relay: a customer's server that was down is back, and staff need not
 * wait for the next retry; a customer who needs longer gets a longer queue lifetime, mail already waiting included.
 */
@ExtendWith(ArquillianExtension.class)
class StaffQueueIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration NEXT_RETRY = Duration.ofHours(1);
    private static final DateTimeFormatter PAGE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void retryNowDeliversMailAtOnceThatWouldOtherwiseWaitAnHourForItsNextRetry() throws Exception {
        int port = FreePorts.any();
        String domain = TestSystem.hostedDomain("customer", port);
        String queueId = TestSystem.queueId(TestSystem.sendMail("someone@" + domain, "Subject: held up\r\n\r\nbody\r\n"));
        assertTrue(TestSystem.awaitDeliveryState(queueId, "DEFERRED", TIMEOUT).startsWith("DEFERRED"),
                "nothing listens on the customer's port yet");
        TestSystem.putOffRetries(domain, Instant.now().plus(NEXT_RETRY));

        try (CustomerMailServer customerServer = CustomerMailServer.startOn(port); Browser browser = new Browser()) {
            Thread.sleep(3_000);
            assertEquals(List.of(), customerServer.received(), "the server is back, but the mail waits for its retry");

            browser.logIn("staff", "staff");
            browser.awaitPath("/staff/queue.xhtml");
            assertEquals("1", browser.text(DomainRows.cell(domain, "deferred")));
            browser.screenshot("staff-queue");
            browser.click(DomainRows.button(domain, "retry-now"));
            Instant pressed = Instant.now();

            assertEquals("Retry now for " + domain + ": 1 delivery is due now, and 127.0.0.1:" + port + " is tried at once.",
                    browser.awaitText(By.id("feedback"), "Retry now for " + domain));
            browser.screenshot("staff-queue-retried");
            assertEquals(1, customerServer.awaitMessages(1, TIMEOUT).size());
            Duration waited = Duration.between(pressed, Instant.now());
            assertTrue(waited.compareTo(Duration.ofSeconds(15)) < 0, "arrived " + waited + " after retry now");
            assertEquals("DELIVERED", TestSystem.awaitDeliveryState(queueId, "DELIVERED", TIMEOUT));
            assertEquals(List.of("staff retry now null 1 deliveries due now"), TestSystem.auditOf("domain " + domain));
        }
    }

    @Test
    void extendingTheQueueLifetimeByADayMovesTheExpiryOfWaitingMailAndThePageShowsIt() throws Exception {
        String domain = TestSystem.hostedDomain("customer", FreePorts.any());
        String queueId = TestSystem.queueId(TestSystem.sendMail("someone@" + domain, "Subject: patience\r\n\r\nbody\r\n"));
        assertTrue(TestSystem.awaitDeliveryState(queueId, "DEFERRED", TIMEOUT).startsWith("DEFERRED"));

        try (Browser browser = new Browser()) {
            browser.logIn("staff", "staff").open("/staff/queue.xhtml");
            assertEquals("2 days", browser.text(DomainRows.cell(domain, "lifetime")));
            LocalDateTime expiryBefore = LocalDateTime.parse(browser.text(DomainRows.cell(domain, "first-expiry")), PAGE_TIME);

            browser.click(DomainRows.button(domain, "extend-lifetime"));

            assertEquals("The queue lifetime of " + domain + " is now 3 days; the expiry of 1 waiting delivery moved with it.",
                    browser.awaitText(By.id("feedback"), "The queue lifetime of " + domain));
            browser.screenshot("staff-queue-extended");
            assertEquals("3 days", browser.text(DomainRows.cell(domain, "lifetime")));
            LocalDateTime expiryAfter = LocalDateTime.parse(browser.text(DomainRows.cell(domain, "first-expiry")), PAGE_TIME);
            assertEquals(Duration.ofDays(1), Duration.between(expiryBefore, expiryAfter));
            assertEquals(Duration.ofDays(3), TestSystem.keptInQueueFor(queueId));
            assertEquals(List.of("staff queue lifetime PT48H PT72H"), TestSystem.auditOf("domain " + domain));
        }
    }

    @Test
    void aCustomerCannotOpenTheQueuePage() throws Exception {
        try (Browser browser = new Browser()) {
            browser.logIn("customer", "customer").open("/staff/queue.xhtml");
            assertTrue(browser.pageText().contains("No access"), browser.pageText());
        }
    }

}
