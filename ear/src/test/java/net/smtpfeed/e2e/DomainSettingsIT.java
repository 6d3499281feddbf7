package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.smtpfeed.relay.filter.SpamTestMessages;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A domain's spam settings in the customer's hands: saved directly, in force for the very next message, each change
 * in the domain's history; and only ever for their own domains.
 */
@ExtendWith(ArquillianExtension.class)
class DomainSettingsIT {

    private static final By LOW_THRESHOLD = By.cssSelector("tr.level-low td.threshold input:not([type=hidden])");

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void medSwitchedToDeleteQuarantinesTheNextMedMessageAndTheChangeIsInTheHistory() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start(); Browser browser = new Browser()) {
            String domain = TestSystem.spamCheckingDomain("customer", customerServer.port());
            browser.logIn("customer", "customer").open("/customer/domain.xhtml?name=" + domain);
            assertEquals(domain, browser.text(By.id("domain-name")));
            assertTrue(history(browser).isEmpty(), "a new domain has no history");
            browser.screenshot("domain-settings");

            browser.choose(By.cssSelector("tr.level-med .ui-selectonemenu"), "Delete (quarantine)");
            browser.click(By.id("settings:save"));

            assertEquals("Saved " + domain + ": 1 setting changed, in force from the next message on.",
                    browser.awaitText(By.id("feedback"), "Saved"));
            browser.screenshot("domain-settings-saved");
            assertEquals(List.of("customer | Med: action | Subject text | Delete (quarantine)"), history(browser));
            browser.awaitScript("document.getElementById('history').scrollIntoView(); return true;");
            browser.screenshot("domain-settings-history");

            String reply = TestSystem.sendMail("frank@" + domain, SpamTestMessages.medSpam());
            assertTrue(reply.startsWith("250 "), reply);
            assertEquals("QUARANTINED", TestSystem.deliveryState(TestSystem.queueId(reply)),
                    "the next Med message is deleted into quarantine");
        }
    }

    @Test
    void eachChangedSettingIsOneHistoryLineNewestFirst() throws Exception {
        String domain = TestSystem.hostedDomain("customer", 2626);
        try (Browser browser = new Browser()) {
            browser.logIn("customer", "customer").open("/customer/domain.xhtml?name=" + domain);
            browser.click(By.cssSelector("#settings\\:spamChecking .ui-toggleswitch-slider"));
            browser.click(By.id("settings:save"));
            browser.awaitText(By.id("feedback"), "Saved");
            browser.click(By.cssSelector("#settings\\:greylisting .ui-toggleswitch-slider"));
            browser.choose(By.cssSelector("tr.level-low .ui-selectonemenu"), "Hidden header");
            browser.click(By.id("settings:save"));

            assertEquals("Saved " + domain + ": 2 settings changed, in force from the next message on.",
                    browser.awaitText(By.id("feedback"), "2 settings"));
            List<String> history = history(browser);
            assertEquals(3, history.size(), history.toString());
            assertTrue(history.subList(0, 2).containsAll(List.of("customer | Greylisting | Off | On",
                    "customer | Low: action | Subject text | Hidden header")), history.toString());
            assertEquals("customer | Spam checking | Off | On", history.get(2), "the first change is the oldest");
        }
    }

    @Test
    void aThresholdOutsideTheBoundsIsRefusedAndNothingIsSaved() throws Exception {
        String domain = TestSystem.spamCheckingDomain("customer", 2626);
        try (Browser browser = new Browser()) {
            browser.logIn("customer", "customer").open("/customer/domain.xhtml?name=" + domain);
            assertTrue(browser.text(By.id("content")).contains("Scores may be set from 1.0 to 50.0"));
            WebElement low = browser.find(LOW_THRESHOLD);
            low.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0.5", Keys.TAB);
            browser.click(By.id("settings:save"));

            assertEquals("Not saved: each score you change must be between 1.0 and 50.0.",
                    browser.awaitText(By.id("feedback"), "Not saved"));
            browser.screenshot("domain-settings-refused");
            browser.open("/customer/domain.xhtml?name=" + domain);
            assertEquals("3.0", browser.find(LOW_THRESHOLD).getAttribute("value"), "as it was");
            assertTrue(history(browser).isEmpty());
        }
    }

    @Test
    void anotherCustomersDomainIsNotFound() throws Exception {
        String customers = TestSystem.spamCheckingDomain("customer", 2626);
        try (Browser browser = new Browser()) {
            browser.logIn("other", "other").open("/customer/domain.xhtml?name=" + customers);

            assertTrue(browser.pageText().contains("Page not found"), browser.pageText());
            assertFalse(browser.pageText().contains("Spam levels"), browser.pageText());
            browser.screenshot("domain-settings-not-found");

            browser.open("/customer/domain.xhtml?name=customer.example");
            assertTrue(browser.pageText().contains("Page not found"), "nor the demo customer's");
            browser.open("/customer/domain.xhtml?name=other.example");
            assertEquals("other.example", browser.text(By.id("domain-name")), "their own opens");
        }
    }

    /** The domain's history as "actor | setting | before | after", newest first; empty when none is recorded. */
    private static List<String> history(Browser browser) {
        return browser.find(By.id("history")).findElements(By.cssSelector("tbody tr")).stream()
                .filter(row -> row.findElements(By.cssSelector("td.actor")).size() == 1)
                .map(row -> String.join(" | ", text(row, "actor"), text(row, "setting"), text(row, "before"),
                        text(row, "after")))
                .toList();
    }

    private static String text(WebElement row, String column) {
        return row.findElement(By.cssSelector("td." + column)).getText().strip();
    }
}
