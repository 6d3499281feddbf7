package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.smtpfeed.relay.testing.SmtpConversation;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A message's timeline in the customer's message log: every step the relay recorded for it, in the order it
 * happened, for the customer's own messages only.
 */
@ExtendWith(ArquillianExtension.class)
class MessageTimelineIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final DateTimeFormatter PAGE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void aDeliveredMessageShowsItsWayFromReceiptThroughTheVirusScanToTheCustomersServer() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start(); Browser browser = new Browser()) {
            String recipient = "dora@" + TestSystem.hostedDomain("customer", customerServer.port());
            String reply = TestSystem.sendMail(recipient, "Subject: follow me\r\n\r\nbody\r\n");
            assertTrue(reply.startsWith("250 "), reply);
            String queueId = TestSystem.queueId(reply);
            assertEquals("DELIVERED", TestSystem.awaitDeliveryState(queueId, "DELIVERED", TIMEOUT));

            browser.logIn("customer", "customer").open("/customer/messages.xhtml");
            browser.click(By.linkText(queueId));

            assertEquals("/customer/message.xhtml?id=" + queueId, browser.awaitPath("/customer/message.xhtml?id=" + queueId));
            assertEquals("Message " + queueId, browser.text(By.id("message-title")));
            assertEquals("sender@elsewhere.example", browser.text(By.id("sender")));
            assertTrue(browser.text(By.id("copies")).matches("(?s).*" + recipient + "\\s+Delivered.*"),
                    browser.text(By.id("copies")));
            List<String> timeline = timeline(browser);
            browser.screenshot("message-timeline");

            assertTrue(timeline.contains("Virus scan | CLEAN"), "scanned: " + timeline);
            assertTrue(timeline.contains("Received | ACCEPTED"), "accepted: " + timeline);
            assertTrue(timeline.contains("Delivery | DELIVERED"), "delivered: " + timeline);
            assertTrue(timeline.indexOf("Received | ACCEPTED") < timeline.indexOf("Delivery | DELIVERED"), timeline.toString());
            String delivery = detailOf(browser, "Delivery");
            assertTrue(delivery.startsWith(recipient + " via 127.0.0.1:" + customerServer.port()), delivery);
            List<LocalDateTime> times = rows(browser).stream()
                    .map(row -> LocalDateTime.parse(text(row, "time"), PAGE_TIME)).toList();
            assertEquals(times.stream().sorted().toList(), times, "in the order it happened");
        }
    }

    @Test
    void aMessageForTwoCustomersShowsEachOnlyTheLinesAboutTheirOwnCopy() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start()) {
            String own = "erin@" + TestSystem.hostedDomain("customer", customerServer.port());
            String others = "fritz@" + TestSystem.hostedDomain("other", customerServer.port());
            String queueId = TestSystem.queueId(sendToBoth(own, others));
            List<String> recorded = awaitDeliveries(queueId, 2);
            assertTrue(recorded.stream().anyMatch(line -> line.startsWith("DELIVERY DELIVERED " + others)),
                    "the relay recorded the other customer's delivery in the same timeline: " + recorded);

            try (Browser browser = new Browser()) {
                browser.logIn("customer", "customer").open("/customer/message.xhtml?id=" + queueId);
                String page = browser.text(By.id("content"));
                browser.screenshot("message-timeline-shared");
                assertTrue(page.contains(own), page);
                assertTrue(timeline(browser).contains("Delivery | DELIVERED"), page);
                assertFalse(page.contains(others), "nothing about the other customer's copy:\n" + page);
            }
            try (Browser browser = new Browser()) {
                browser.logIn("other", "other").open("/customer/message.xhtml?id=" + queueId);
                String page = browser.text(By.id("content"));
                assertTrue(page.contains(others), page);
                assertFalse(page.contains(own), "nothing about the first customer's copy:\n" + page);
            }
        }
    }

    @Test
    void anotherCustomersMessageIsNotFound() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start()) {
            String reply = TestSystem.sendMail("gina@" + TestSystem.hostedDomain("customer", customerServer.port()),
                    "Subject: private\r\n\r\nbody\r\n");
            String queueId = TestSystem.queueId(reply);
            TestSystem.awaitDeliveryState(queueId, "DELIVERED", TIMEOUT);

            try (Browser browser = new Browser()) {
                browser.logIn("other", "other").open("/customer/message.xhtml?id=" + queueId);
                assertTrue(browser.pageText().contains("Page not found"), browser.pageText());
                assertFalse(browser.pageText().contains("gina@"), browser.pageText());
                browser.screenshot("message-timeline-not-found");

                browser.open("/customer/message.xhtml?id=NO-SUCH-ID");
                assertTrue(browser.pageText().contains("Page not found"), browser.pageText());
            }
        }
    }

    /** The timeline's rows as "Stage | OUTCOME". */
    private static List<String> timeline(Browser browser) {
        return rows(browser).stream().map(row -> text(row, "stage") + " | " + text(row, "outcome")).toList();
    }

    private static List<WebElement> rows(Browser browser) {
        return browser.find(By.id("timeline")).findElements(By.cssSelector("tbody tr"));
    }

    private static String detailOf(Browser browser, String stage) {
        return rows(browser).stream()
                .filter(row -> text(row, "stage").equals(stage))
                .map(row -> text(row, "detail")).findFirst().orElseThrow();
    }

    private static String text(WebElement row, String column) {
        return row.findElement(By.cssSelector("td." + column)).getText().strip();
    }

    /** Waits until the relay has recorded that many deliveries of the message; returns its timeline as recorded. */
    private static List<String> awaitDeliveries(String queueId, int count) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        List<String> recorded = TestSystem.timeline(queueId);
        while (recorded.stream().filter(line -> line.startsWith("DELIVERY DELIVERED ")).count() < count
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            recorded = TestSystem.timeline(queueId);
        }
        return recorded;
    }

    private static String sendToBoth(String first, String second) throws Exception {
        try (SmtpConversation smtp = SmtpConversation.open("127.0.0.1", TestSystem.smtpPort())) {
            smtp.send("EHLO mx.elsewhere.example");
            assertTrue(smtp.send("MAIL FROM:<sender@elsewhere.example>").startsWith("250"));
            assertTrue(smtp.send("RCPT TO:<" + first + ">").startsWith("250"));
            assertTrue(smtp.send("RCPT TO:<" + second + ">").startsWith("250"));
            String reply = smtp.data("Subject: for two\r\n\r\nbody\r\n");
            assertTrue(reply.startsWith("250 "), reply);
            return reply;
        }
    }
}
