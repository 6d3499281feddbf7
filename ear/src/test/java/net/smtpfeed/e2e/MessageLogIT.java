package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The customer's message log filtered by date, sender, recipient and outcome, and paged by the database. */
@ExtendWith(ArquillianExtension.class)
class MessageLogIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final By ROWS = By.cssSelector("[id='log:messages_data'] > tr");
    private static final By PAGE_REPORT = By.cssSelector("#log\\:messages .ui-paginator-current");

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void theFilterNarrowsTheLogToTheMatchingMessagesAtAnAddressOfItsOwn() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start(); Browser browser = new Browser()) {
            String domain = TestSystem.hostedDomain("customer", customerServer.port());
            String fromShop = delivered("orders@shop.example", "alice@" + domain);
            String fromPaper = delivered("news@paper.example", "bob@" + domain);

            browser.logIn("customer", "customer").click(By.id("nav-messages"));
            browser.find(By.id("filter:recipient")).sendKeys("@" + domain);
            browser.click(By.id("filter:apply"));
            browser.awaitText(PAGE_REPORT, "of 2");

            assertTrue(browser.currentPath().contains("recipient=%40" + domain), browser.currentPath());
            assertEquals(Set.of(fromShop, fromPaper), Set.copyOf(queueIds(browser)));
            assertEquals("@" + domain, browser.find(By.id("filter:recipient")).getAttribute("value"), "the form keeps it");

            browser.find(By.id("filter:sender")).sendKeys("SHOP");
            browser.click(By.id("filter:apply"));
            browser.awaitText(PAGE_REPORT, "of 1");

            assertEquals(List.of(fromShop), queueIds(browser));
            assertEquals("orders@shop.example", browser.text(By.cssSelector("[id='log:messages_data'] td.sender")));
            browser.screenshot("message-log-filtered");
        }
    }

    @Test
    void theDateRangeAndTheOutcomeNarrowTheLogToo() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start(); Browser browser = new Browser()) {
            String domain = TestSystem.hostedDomain("customer", customerServer.port());
            String queueId = delivered("orders@shop.example", "carol@" + domain);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            browser.logIn("customer", "customer");

            assertEquals(List.of(queueId), logOf(browser, "from=" + today + "&to=" + today + "&recipient=" + domain));
            assertEquals(List.of(queueId), logOf(browser, "outcome=DELIVERED&recipient=" + domain));
            assertEquals(List.of(), logOf(browser, "outcome=DEFERRED&recipient=" + domain));
            assertEquals(List.of(), logOf(browser, "from=" + today.plusDays(1) + "&recipient=" + domain));
            assertEquals("No messages match this filter.", browser.text(ROWS));

            browser.open("/customer/messages.xhtml?outcome=DELIVERED&recipient=" + domain);
            assertEquals("Delivered", browser.text(By.cssSelector("#filter\\:outcome .ui-selectonemenu-label")));
            browser.choose(By.id("filter:outcome"), "Deferred");
            browser.click(By.id("filter:apply"));
            browser.awaitText(ROWS, "No messages match this filter.");
            assertTrue(browser.currentPath().contains("outcome=DEFERRED"), browser.currentPath());
        }
    }

    @Test
    void pagingWalksThroughMoreMatchesThanOnePageHolds() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start(); Browser browser = new Browser()) {
            String domain = TestSystem.hostedDomain("customer", customerServer.port());
            Set<String> sent = new HashSet<>();
            for (int i = 0; i < 30; i++) {
                String reply = TestSystem.sendMail("reader" + i + "@" + domain, "Subject: issue " + i + "\r\n\r\nbody\r\n");
                assertTrue(reply.startsWith("250 "), reply);
                sent.add(TestSystem.queueId(reply));
            }

            browser.logIn("customer", "customer").open("/customer/messages.xhtml?recipient=%40" + domain);
            assertEquals("1-25 of 30", browser.text(PAGE_REPORT));
            List<String> seen = new ArrayList<>(queueIds(browser));
            assertEquals(25, seen.size());
            browser.click(By.cssSelector("#log\\:messages .ui-paginator-next"));
            browser.awaitText(PAGE_REPORT, "26-30 of 30");
            browser.screenshot("message-log-second-page");
            seen.addAll(queueIds(browser));

            assertEquals(30, seen.size());
            assertEquals(sent, Set.copyOf(seen), "every message once, none twice");
        }
    }

    /** The queue ids the log shows at the address with that filter. */
    private static List<String> logOf(Browser browser, String query) {
        browser.open("/customer/messages.xhtml?" + query);
        browser.find(ROWS);
        return queueIds(browser);
    }

    private static List<String> queueIds(Browser browser) {
        return browser.find(By.id("log:messages")).findElements(By.cssSelector("td.queue-id a")).stream()
                .map(WebElement::getText).toList();
    }

    private static String delivered(String sender, String recipient) throws Exception {
        String reply = TestSystem.sendMail(sender, recipient, "Subject: for the filter\r\n\r\nbody\r\n");
        assertTrue(reply.startsWith("250 "), reply);
        String queueId = TestSystem.queueId(reply);
        assertEquals("DELIVERED", TestSystem.awaitDeliveryState(queueId, "DELIVERED", TIMEOUT));
        return queueId;
    }
}
