package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.smtpfeed.relay.testing.FreePorts;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * A customer asks for an SMTP feed in the portal, staff test the connection to the customer's server and approve or
 * reject it, and the relay takes the domain's mail from the moment of the approval: walked as the people do it.
 */
@ExtendWith(ArquillianExtension.class)
class FeedRequestIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger DOMAINS = new AtomicInteger();

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void aRequestedFeedIsTestedAndApprovedByStaffAndTheNextMessageReachesTheCustomersServer() throws Exception {
        String domain = newDomain();
        try (CustomerMailServer customerServer = CustomerMailServer.start()) {
            try (Browser customer = new Browser()) {
                customer.logIn("customer", "customer").click(By.id("nav-requests"));
                customer.click(By.id("new-feed-request"));
                customer.awaitPath("/customer/feed-request.xhtml");
                customer.screenshot("feed-request-form");

                fillIn(customer, domain, "127.0.0.1", customerServer.port());
                customer.click(By.id("feed:greylisting"));
                customer.click(By.id("feed:spam-checking"));
                customer.find(By.id("feed:med-text")).clear();
                customer.find(By.id("feed:med-text")).sendKeys("[probably spam] ");
                customer.screenshot("feed-request-spam-settings");
                customer.click(By.id("feed:submit"));

                assertEquals("Your request for " + domain + " has been sent. We will test the connection to your server "
                        + "and let you know here.", customer.awaitText(By.id("feedback"), "Your request for"));
                customer.awaitPath("/customer/requests.xhtml");
                assertEquals("Submitted", customer.text(feedCell(domain, "state")));
                assertEquals("127.0.0.1:" + customerServer.port(), customer.text(feedCell(domain, "destination")));
                customer.screenshot("customer-requests-submitted");
            }
            assertEquals("550", TestSystem.sendMail("someone@" + domain, "Subject: too early\r\n\r\nbody\r\n")
                    .substring(0, 3), "not live before staff approve it");

            try (Browser staff = new Browser()) {
                staff.logIn("staff", "staff").click(By.id("nav-staff-requests"));
                assertEquals("Customer Example Ltd", staff.text(feedCell(domain, "customer")));
                assertEquals("Not tested", staff.text(feedCell(domain, "last-test")));
                staff.screenshot("staff-request-inbox");
                staff.click(By.linkText(domain));
                staff.awaitPath("/staff/feed-request.xhtml?id=");
                assertEquals("Off", staff.text(By.id("greylisting")));
                String spamSettings = staff.text(By.id("spam-checking"));
                assertTrue(spamSettings.contains("Med from 5.0: Tag the subject [probably spam]"), spamSettings);
                assertFalse(staff.find(By.id("decision:approve")).isEnabled(), "approval waits for a passed test");
                staff.screenshot("staff-feed-request");

                staff.click(By.id("test:run"));

                staff.awaitText(By.id("feedback"), "The connection test for " + domain + " has run");
                assertEquals("Passed", staff.text(By.cssSelector("#verdict .badge")));
                assertEquals("127.0.0.1:" + customerServer.port() + " accepts mail for postmaster@" + domain,
                        staff.text(By.id("verdict-text")));
                String transcript = staff.text(By.id("transcript"));
                assertTrue(transcript.contains("C: RCPT TO:<postmaster@" + domain + ">"), transcript);
                assertTrue(transcript.lines().filter(line -> line.startsWith("S: 250")).count() >= 4, transcript);
                assertEquals("In test", staff.text(By.cssSelector("#state .badge")));
                staff.screenshot("staff-feed-request-tested");

                staff.click(By.id("decision:approve"));

                assertEquals(domain + " is live: the relay takes its mail and relays it to 127.0.0.1:"
                        + customerServer.port() + ".", staff.awaitText(By.id("feedback"), "is live"));
                assertTrue(staff.text(By.id("decided")).startsWith("Approved"), staff.text(By.id("decided")));
                staff.screenshot("staff-feed-request-approved");
            }

            String reply = TestSystem.sendMail("someone@" + domain, "Subject: first mail\r\n\r\nhello\r\n");
            assertTrue(reply.startsWith("250 "), reply);
            assertEquals(1, customerServer.awaitMessages(1, TIMEOUT).size());
            assertEquals(List.of("someone@" + domain), customerServer.received().get(0).recipients());

            try (Browser customer = new Browser()) {
                customer.logIn("customer", "customer").click(By.id("nav-requests"));
                assertEquals("Approved", customer.text(feedCell(domain, "state")));
                assertTrue(customer.text(feedCell(domain, "note")).startsWith("Live since"));
                customer.screenshot("customer-requests-approved");
            }
        }
    }

    @Test
    void aHostNameForTheServerAndADomainAnotherCustomerHoldsAreRefusedAtTheirFields() throws Exception {
        try (Browser customer = new Browser()) {
            customer.logIn("customer", "customer").open("/customer/feed-request.xhtml");
            fillIn(customer, "other.example", "mail.customer.example", 25);
            customer.click(By.id("feed:submit"));

            assertEquals("This domain is held by another customer. If it is yours, please contact our support.",
                    customer.awaitText(By.id("feed:domain-message"), "another customer"));
            assertEquals("Enter the IP address of your mail server, such as 192.0.2.25 or 2001:db8::25, not a host name.",
                    customer.text(By.id("feed:address-message")));
            assertTrue(customer.currentPath().startsWith("/customer/feed-request.xhtml"), "the customer stays on the form");
            assertEquals("mail.customer.example", customer.find(By.id("feed:address")).getAttribute("value"),
                    "what was typed is kept");
            customer.screenshot("feed-request-refused");

            customer.open("/customer/requests.xhtml");
            assertFalse(customer.text(By.id("feed-requests")).contains("other.example"), "nothing was requested");
        }
    }

    @Test
    void aRejectionWithItsReasonShowsOnTheCustomersRequestsPage() throws Exception {
        String domain = newDomain();
        int nothingListens = FreePorts.any();
        try (Browser customer = new Browser()) {
            customer.logIn("customer", "customer").open("/customer/feed-request.xhtml");
            fillIn(customer, domain, "127.0.0.1", nothingListens);
            customer.click(By.id("feed:submit"));
            customer.awaitText(By.id("feedback"), "Your request for " + domain);
        }
        try (Browser staff = new Browser()) {
            staff.logIn("staff", "staff").click(By.id("nav-staff-requests")).click(By.linkText(domain));
            staff.click(By.id("test:run"));
            staff.awaitText(By.id("feedback"), "has run");
            assertEquals("Failed", staff.text(By.cssSelector("#verdict .badge")));
            assertEquals("127.0.0.1:" + nothingListens + " refused the connection", staff.text(By.id("verdict-text")));
            assertFalse(staff.find(By.id("decision:approve")).isEnabled(), "a failed test is no ground for approval");

            staff.click(By.id("decision:reject"));
            assertEquals("A rejection needs a reason: the customer must learn why.",
                    staff.awaitText(By.id("decision:reason-message"), "needs a reason"));

            staff.find(By.id("decision:reason")).sendKeys("Your server does not accept connections on port "
                    + nothingListens + ". Please check your firewall and ask again.");
            staff.click(By.id("decision:reject"));
            assertEquals("Rejected. Customer Example Ltd sees your reason on their requests page.",
                    staff.awaitText(By.id("feedback"), "Rejected."));
            staff.screenshot("staff-feed-request-rejected");
        }
        try (Browser customer = new Browser()) {
            customer.logIn("customer", "customer").click(By.id("nav-requests"));
            assertEquals("Rejected", customer.text(feedCell(domain, "state")));
            assertEquals("Rejected: Your server does not accept connections on port " + nothingListens
                    + ". Please check your firewall and ask again.", customer.text(feedCell(domain, "note")));
            customer.screenshot("customer-requests-rejected");
        }
    }

    @Test
    void anotherCustomerNeverSeesTheRequestsOfTheFirst() throws Exception {
        try (Browser other = new Browser()) {
            other.logIn("other", "other").click(By.id("nav-requests"));
            String page = other.pageText();
            assertFalse(page.contains("pending.example"), page);
            assertFalse(page.contains("Customer Example"), page);
        }
    }

    @Test
    void customersCannotOpenStaffsRequestPages() throws Exception {
        try (Browser customer = new Browser()) {
            customer.logIn("customer", "customer");
            for (String page : List.of("/staff/requests.xhtml", "/staff/feed-request.xhtml?id=1",
                    "/staff/request.xhtml?id=1")) {
                customer.open(page);
                assertTrue(customer.pageText().contains("No access"), page + ": " + customer.pageText());
            }
        }
    }

    private static void fillIn(Browser browser, String domain, String address, int port) {
        browser.find(By.id("feed:domain")).sendKeys(domain);
        browser.find(By.id("feed:address")).sendKeys(address);
        browser.find(By.id("feed:port")).clear();
        browser.find(By.id("feed:port")).sendKeys(String.valueOf(port));
    }

    private static String newDomain() {
        return "req-" + System.currentTimeMillis() + "-" + DOMAINS.incrementAndGet() + ".example";
    }

    /** A cell of the domain's row in the table of feed requests (the customer's or staff's). */
    private static By feedCell(String domain, String column) {
        return DomainRows.cell("feed-requests", domain, column);
    }
}
