package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The customer's queue: their mail still waiting for their server, why, and until when it is tried. */
@ExtendWith(ArquillianExtension.class)
class CustomerQueueIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final DateTimeFormatter PAGE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void mailTheCustomersServerPutsOffWaitsInTheirQueueWithItsErrorAttemptsNextTryAndExpiry() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start(); Browser browser = new Browser()) {
            customerServer.refuseEveryRecipientWith("451 4.3.0 try again later");
            String domain = TestSystem.hostedDomain("customer", customerServer.port());
            String recipient = "gina@" + domain;
            String queueId = TestSystem.queueId(TestSystem.sendMail(recipient, "Subject: patience\r\n\r\nbody\r\n"));
            assertTrue(TestSystem.awaitDeliveryState(queueId, "DEFERRED", TIMEOUT).contains("451 4.3.0"));
            Instant nextTry = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
            TestSystem.putOffRetries(domain, nextTry);

            browser.logIn("customer", "customer").click(By.id("nav-customer-queue"));
            browser.awaitPath("/customer/queue.xhtml");
            WebElement row = rowOf(browser, queueId);
            browser.screenshot("customer-queue");

            assertEquals(recipient, text(row, "recipient"));
            assertEquals("Deferred", text(row, "status"));
            assertTrue(Integer.parseInt(text(row, "attempts")) >= 1, text(row, "attempts"));
            assertEquals(PAGE_TIME.format(LocalDateTime.ofInstant(nextTry, ZoneOffset.UTC)), text(row, "next-attempt"));
            assertEquals(LocalDateTime.parse(text(row, "received"), PAGE_TIME).plusDays(2),
                    LocalDateTime.parse(text(row, "expiry"), PAGE_TIME), "kept for the domain's queue lifetime");
            assertTrue(text(row, "last-error").contains("451 4.3.0 try again later"), text(row, "last-error"));
        }
    }

    @Test
    void anotherCustomersWaitingMailIsNotInTheQueue() throws Exception {
        try (CustomerMailServer othersServer = CustomerMailServer.start(); Browser browser = new Browser()) {
            othersServer.refuseEveryRecipientWith("451 4.3.0 try again later");
            String recipient = "hugo@" + TestSystem.hostedDomain("other", othersServer.port());
            String queueId = TestSystem.queueId(TestSystem.sendMail(recipient, "Subject: theirs\r\n\r\nbody\r\n"));
            TestSystem.awaitDeliveryState(queueId, "DEFERRED", TIMEOUT);

            browser.logIn("customer", "customer").open("/customer/queue.xhtml");
            String queue = browser.text(By.id("queue:waiting"));

            assertFalse(queue.contains(recipient), queue);
            assertFalse(queue.contains(queueId), queue);
        }
    }

    private static WebElement rowOf(Browser browser, String queueId) {
        browser.find(By.linkText(queueId));
        return browser.find(By.id("queue:waiting")).findElements(By.cssSelector("tbody tr")).stream()
                .filter(row -> text(row, "queue-id").equals(queueId)).findFirst().orElseThrow();
    }

    private static String text(WebElement row, String column) {
        return row.findElement(By.cssSelector("td." + column)).getText().strip();
    }
}
