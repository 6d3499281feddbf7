package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import net.smtpfeed.relay.filter.SpamTestMessages;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The customer's dashboard: where they land, their domains, and a chart of each domain's mail per day by outcome. */
@ExtendWith(ArquillianExtension.class)
class DashboardIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The chart of the domain's card: its last day's label and, per outcome, that day's count. */
    private static final String TODAYS_BAR = """
            const canvas = document.querySelector('section[data-domain="' + arguments[0] + '"] canvas');
            const widget = canvas && Object.values(PrimeFaces.widgets).find(w => w.canvas && w.canvas[0] === canvas);
            const chart = widget && widget.chart;
            if (!chart) { return null; }
            const today = chart.data.labels.length - 1;
            const counts = {};
            chart.data.datasets.forEach(d => counts[d.label] = d.data[today]);
            return {day: chart.data.labels[today], counts: counts};""";

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void aCustomerLandsOnTheDashboardWhoseChartHoldsTodaysMailByOutcome() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start(); Browser browser = new Browser()) {
            String domain = TestSystem.spamCheckingDomain("customer", customerServer.port());
            String greylisting = TestSystem.greylistingDomain("customer", customerServer.port());
            delivered("anna@" + domain, SpamTestMessages.personalNote());
            delivered("bert@" + domain, SpamTestMessages.personalNote());
            delivered("carl@" + domain, SpamTestMessages.medSpam());
            String virus = TestSystem.sendMail("dora@" + domain,
                    MessagesWithAttachments.withZippedAttachment("invoice.txt", MessagesWithAttachments.eicar()));
            assertTrue(virus.startsWith("554 "), virus);
            String greylisted = TestSystem.sendMail("emil@" + greylisting, SpamTestMessages.personalNote());
            assertTrue(greylisted.startsWith("451 4.7.1 "), greylisted);

            browser.logIn("customer", "customer");

            browser.awaitPath("/customer/dashboard.xhtml");
            browser.screenshot("dashboard");
            Map<?, ?> bar = todaysBar(browser, domain);
            assertEquals(DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).format(LocalDate.now(ZoneOffset.UTC)),
                    bar.get("day"), "the last bar is today's");
            assertEquals(counts(2, 0, 1, 0, 1, 0, 0), bar.get("counts"));
            assertEquals(counts(0, 0, 0, 0, 0, 1, 0), todaysBar(browser, greylisting).get("counts"));
            String totals = browser.text(By.cssSelector("section[data-domain='" + domain + "'] .traffic-totals"));
            assertTrue(totals.matches("(?s)Delivered\\s+2\\s+Spam\\s+1\\s+Virus\\s+1\\s+Greylisted\\s+0\\s+Deferred\\s+0"),
                    totals);
            browser.awaitScript("document.querySelector('section[data-domain=\"' + arguments[0] + '\"]').scrollIntoView();"
                    + " return true;", domain);
            browser.screenshot("dashboard-domain-chart");
        }
    }

    @Test
    void eachDomainShowsHowItIsSetUpAndLeadsToItsSettings() throws Exception {
        try (Browser browser = new Browser()) {
            browser.logIn("customer", "customer").click(By.id("nav-dashboard"));
            String card = browser.text(By.cssSelector("section[data-domain='customer.example']")).replaceAll("\\s+", " ");

            assertTrue(card.contains("Active"), card);
            assertTrue(card.contains("SMTP feed → 127.0.0.1:2626"), card);
            assertTrue(card.contains("Greylisting: On"), card);
            assertTrue(card.contains("Spam checking: Off"), card);
            browser.click(By.cssSelector("section[data-domain='customer.example'] a.settings-link"));
            browser.awaitPath("/customer/domain.xhtml?name=customer.example");
        }
    }

    @Test
    void aCustomerSeesNoneOfAnotherCustomersDomains() throws Exception {
        String others = TestSystem.hostedDomain("other", 2626);
        try (Browser browser = new Browser()) {
            browser.logIn("customer", "customer");
            String page = browser.text(By.id("content"));

            assertTrue(page.contains("customer.example"), page);
            assertFalse(page.contains("other.example"), page);
            assertFalse(page.contains(others), page);
        }
    }

    private static Map<?, ?> todaysBar(Browser browser, String domain) {
        return (Map<?, ?>) browser.awaitScript(TODAYS_BAR, domain);
    }

    /** Today's counts as the chart's legend names them, in its order. */
    private static Map<String, Long> counts(long delivered, long low, long med, long high, long virus, long greylisted,
                                            long deferred) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("Delivered", delivered);
        counts.put("Spam: low", low);
        counts.put("Spam: med", med);
        counts.put("Spam: high", high);
        counts.put("Virus", virus);
        counts.put("Greylisted", greylisted);
        counts.put("Deferred", deferred);
        return counts;
    }

    /** Sends the message and waits until the customer's server has taken it. */
    private static void delivered(String recipient, String message) throws Exception {
        String reply = TestSystem.sendMail(recipient, message);
        assertTrue(reply.startsWith("250 "), reply);
        assertEquals("DELIVERED", TestSystem.awaitDeliveryState(TestSystem.queueId(reply), "DELIVERED", TIMEOUT));
    }
}
