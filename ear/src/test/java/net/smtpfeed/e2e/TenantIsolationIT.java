package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import net.smtpfeed.relay.filter.SpamTestMessages;
import net.smtpfeed.relay.testing.FreePorts;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The second customer, logged in as `other`, tries every customer page and form with the first customer's names and
 * ids: a domain, a message, a quarantined copy, waiting mail, a request, a user. Each is refused or simply not there,
 * and no page shows anything of the first customer. No staff page opens for a customer.
 */
@ExtendWith(ArquillianExtension.class)
class TenantIsolationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static String firstDomain;
    private static String firstQueueId;
    private static String quarantinedQueueId;
    private static String waitingDomain;

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    /** The first customer's data: a delivered message, a quarantined copy, mail waiting in the queue. */
    @BeforeAll
    static void firstCustomersMail() throws Exception {
        try (CustomerMailServer server = CustomerMailServer.start()) {
            firstDomain = TestSystem.spamCheckingDomain("customer", server.port());
            firstQueueId = TestSystem.queueId(TestSystem.sendMail("anna@" + firstDomain, "Subject: mine\r\n\r\nbody\r\n"));
            TestSystem.awaitDeliveryState(firstQueueId, "DELIVERED", TIMEOUT);
            TestSystem.spamAction(firstDomain, "high", "DELETE");
            quarantinedQueueId = TestSystem.queueId(TestSystem.sendMail("bert@" + firstDomain, SpamTestMessages.gtube()));
            assertEquals("QUARANTINED", TestSystem.deliveryState(quarantinedQueueId));
        }
        waitingDomain = TestSystem.hostedDomain("customer", FreePorts.any());
        String waiting = TestSystem.queueId(TestSystem.sendMail("carl@" + waitingDomain, "Subject: wait\r\n\r\nbody\r\n"));
        assertTrue(TestSystem.awaitDeliveryState(waiting, "DEFERRED", TIMEOUT).startsWith("DEFERRED"));
    }

    @Test
    void theFirstCustomersDomainsAndMessagesByAddressAreNotFound() throws Exception {
        try (Browser other = new Browser()) {
            other.logIn("other", "other");
            for (String path : List.of("/customer/domain.xhtml?name=" + firstDomain,
                    "/customer/domain.xhtml?name=customer.example", "/customer/domain.xhtml?name=spamcheck.example",
                    "/customer/domain.xhtml?name=" + waitingDomain, "/customer/message.xhtml?id=" + firstQueueId,
                    "/customer/message.xhtml?id=" + quarantinedQueueId)) {
                other.open(path);
                assertTrue(other.pageText().contains("Page not found"), path + ":\n" + other.pageText());
                assertNoneOfTheFirstCustomersData(other, path);
            }
            other.screenshot("tenant-not-found");
        }
    }

    @Test
    void noListOfTheSecondCustomerShowsTheFirstCustomersData() throws Exception {
        try (Browser other = new Browser()) {
            other.logIn("other", "other");
            for (String path : List.of("/customer/dashboard.xhtml", "/customer/messages.xhtml",
                    "/customer/messages.xhtml?recipient=" + firstDomain, "/customer/quarantine.xhtml",
                    "/customer/queue.xhtml", "/customer/requests.xhtml", "/customer/request.xhtml",
                    "/account.xhtml", "/customer/users.xhtml")) {
                other.open(path);
                assertEquals(path, other.currentPath(), "opens");
                assertNoneOfTheFirstCustomersData(other, path);
            }
            assertTrue(other.text(By.id("users:list")).contains("other"), "their own users are listed");
        }
    }

    @Test
    void theSettingsFormPostedForTheFirstCustomersDomainChangesNothing() throws Exception {
        try (Browser other = new Browser()) {
            other.logIn("other", "other").open("/customer/domain.xhtml?name=other.example");
            // As a person with the browser's developer tools would: the form of their own domain sent to another's.
            other.script("var form = document.getElementById('settings');"
                    + "form.action = form.action.split('?')[0] + '?name=' + arguments[0];", firstDomain);
            other.click(By.cssSelector("#settings\\:greylisting .ui-toggleswitch-slider"));
            other.click(By.id("settings:save"));

            other.awaitText(By.tagName("body"), "Page not found");
            assertNoneOfTheFirstCustomersData(other, "the settings post");
        }
        assertEquals("spam checking on, greylisting off", TestSystem.switchesOf(firstDomain), "as it was");
        assertEquals(List.of(), TestSystem.auditOf("domain " + firstDomain), "no change recorded");
    }

    @Test
    void aRequestFormNamingTheFirstCustomersDomainFilesNothing() throws Exception {
        try (Browser other = new Browser()) {
            other.logIn("other", "other").open("/customer/request.xhtml");
            other.script("var select = document.getElementById('request:domain_input');"
                    + "select.add(new Option(arguments[0], arguments[0])); select.value = arguments[0];", firstDomain);
            other.find(By.id("request:reason")).sendKeys("Please keep my mail longer.");
            other.click(By.id("request:submit"));

            other.awaitPath("/customer/request");
            assertNoneOfTheFirstCustomersData(other, "the request post");
        }
        assertEquals(List.of(), TestSystem.customerRequestsFor(firstDomain));
    }

    @Test
    void aFeedRequestForTheFirstCustomersDomainIsRefusedAtTheField() throws Exception {
        try (Browser other = new Browser()) {
            other.logIn("other", "other").open("/customer/feed-request.xhtml");
            other.find(By.id("feed:domain")).sendKeys("spamcheck.example");
            other.find(By.id("feed:address")).sendKeys("192.0.2.80");
            other.click(By.id("feed:submit"));

            assertTrue(other.awaitText(By.id("feed:domain-message"), "another customer").contains("held by another customer"));
        }
    }

    @Test
    void noStaffPageOpensForACustomer() throws Exception {
        for (String[] login : List.of(new String[] {"other", "other"}, new String[] {"colleague", "colleague"})) {
            try (Browser customer = new Browser()) {
                customer.logIn(login[0], login[1]);
                for (String path : List.of("/staff/queue.xhtml", "/staff/quarantine.xhtml", "/staff/articles.xhtml",
                        "/staff/article-edit.xhtml?id=67", "/staff/requests.xhtml", "/staff/request.xhtml?id=1",
                        "/staff/feed-request.xhtml?id=1", "/staff/domains.xhtml", "/staff/users.xhtml",
                        "/staff/audit.xhtml")) {
                    customer.open(path);
                    assertTrue(customer.pageText().contains("No access"), login[0] + " at " + path + ":\n" + customer.pageText());
                    assertFalse(customer.pageText().contains("customer.example"), path);
                }
                customer.screenshot("tenant-no-access");
            }
        }
    }

    private static void assertNoneOfTheFirstCustomersData(Browser other, String where) {
        String page = other.pageText();
        for (String firsts : List.of(firstDomain, firstQueueId, quarantinedQueueId, waitingDomain, "customer.example",
                "spamcheck.example", "pending.example", "colleague", "Carla Customer")) {
            assertFalse(page.contains(firsts), where + " shows " + firsts + ":\n" + page);
        }
    }
}
