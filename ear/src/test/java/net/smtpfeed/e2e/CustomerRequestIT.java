package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.smtpfeed.relay.testing.FreePorts;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** A customer asks for a longer queue lifetime, for temporary mailboxes or for the feed back, and staff decide. */
@ExtendWith(ArquillianExtension.class)
class CustomerRequestIT {

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void aQueueExtensionApprovedByStaffKeepsTheDomainsMailLonger() throws Exception {
        String domain = TestSystem.hostedDomain("customer", FreePorts.any());
        try (Browser customer = new Browser()) {
            customer.logIn("customer", "customer").click(By.id("nav-requests")).click(By.id("new-other-request"));
            customer.awaitPath("/customer/request.xhtml");
            choose(customer, domain);
            customer.find(By.id("request:extra-days_input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "3");
            customer.find(By.id("request:reason")).sendKeys("Our server moves to a new data centre next week.");
            customer.screenshot("customer-request-form");
            customer.click(By.id("request:submit"));

            assertEquals("Your request for " + domain + " has been sent to our staff.",
                    customer.awaitText(By.id("feedback"), "has been sent"));
            assertEquals("Longer queue lifetime (3 more days)", customer.text(cell(domain, "type")));
            assertEquals("Submitted", customer.text(cell(domain, "state")));
            customer.screenshot("customer-requests-queue-extension");
        }
        try (Browser staff = new Browser()) {
            staff.logIn("staff", "staff").click(By.id("nav-staff-requests"));
            assertEquals("Customer Example Ltd", staff.text(cell(domain, "customer")));
            staff.click(openLink(domain));
            staff.awaitPath("/staff/request.xhtml?id=");
            assertEquals("2 days", staff.text(By.id("lifetime")));
            assertEquals("3 more days", staff.text(By.id("extra-days")));
            assertEquals("Our server moves to a new data centre next week.", staff.text(By.id("reason")));
            staff.screenshot("staff-customer-request");

            staff.click(By.id("decision:approve"));

            assertEquals("Approved: the queue of " + domain + " now keeps mail for 5 days.",
                    staff.awaitText(By.id("feedback"), "Approved"));
            assertEquals("5 days", staff.text(By.id("lifetime")));
            staff.screenshot("staff-customer-request-approved");
        }
        assertEquals("staff queue lifetime PT48H PT120H", TestSystem.auditOf("domain " + domain).get(0));
        try (Browser customer = new Browser()) {
            customer.logIn("customer", "customer").click(By.id("nav-requests"));
            assertEquals("Approved", customer.text(cell(domain, "state")));
        }
    }

    @Test
    void approvingAMailboxRequestSwitchesTheDomainAndLeadsStaffToCreateItsMailboxes() throws Exception {
        String domain = TestSystem.hostedDomain("customer", FreePorts.any());
        request(domain, "Temporary mailboxes", "Our mail server is being replaced.");
        try (Browser staff = new Browser()) {
            staff.logIn("staff", "staff").click(By.id("nav-staff-requests")).click(openLink(domain));
            assertTrue(staff.text(By.id("mailboxes-note")).startsWith("Approving switches the domain to temporary "
                    + "mailboxes at once"));
            staff.screenshot("staff-mailbox-request");

            staff.click(By.id("decision:approve"));

            staff.awaitPath("/staff/mailboxes.xhtml?domain=" + domain);
            assertEquals("Approved: " + domain + " is on temporary mailboxes now. Create a mailbox for each address, or "
                    + "a catch-all.", staff.awaitText(By.id("feedback"), "Approved"));
            assertEquals("Mailboxes", staff.text(By.id("mode")));
            assertTrue(staff.find(By.id("create:local-part")).isDisplayed());
        }
    }

    @Test
    void aCustomerOnMailboxesAsksForTheFeedBackAndApprovalLeadsStaffToTheSwitchBack() throws Exception {
        String domain = TestSystem.hostedDomain("customer", FreePorts.any());
        try (Browser staff = new Browser()) {
            staff.logIn("staff", "staff");
            MailboxPages.switchToMailboxes(staff, domain);
        }
        request(domain, "Back to the SMTP feed", "Our new server is up.");
        try (Browser staff = new Browser()) {
            staff.logIn("staff", "staff").click(By.id("nav-staff-requests")).click(openLink(domain));
            assertTrue(staff.text(By.id("mailboxes-note")).contains("choose what becomes of the mail still in its "
                    + "mailboxes"));

            staff.click(By.id("decision:approve"));

            staff.awaitPath("/staff/mailboxes.xhtml?domain=" + domain);
            assertEquals("Approved for " + domain + ". Choose what becomes of the mail in its mailboxes, and switch it "
                    + "back to its feed below.", staff.awaitText(By.id("feedback"), "Approved"));
            assertTrue(staff.find(By.id("switch-back:switch-back-button")).isDisplayed());
        }
    }

    @Test
    void aCustomerCannotAskForTheFeedBackForADomainOnItsFeed() throws Exception {
        String domain = TestSystem.hostedDomain("customer", FreePorts.any());
        try (Browser customer = new Browser()) {
            customer.logIn("customer", "customer").open("/customer/request.xhtml");
            customer.click(By.xpath("//label[normalize-space() = 'Back to the SMTP feed']"));
            choose(customer, domain);
            customer.find(By.id("request:reason")).sendKeys("Our new server is up.");
            customer.click(By.id("request:submit"));

            assertTrue(customer.awaitText(By.id("request:domain-message"), "in that mode already")
                    .startsWith("This domain is in that mode already"));
        }
    }

    /** The customer asks for something about the domain, of the type of that label, for the reason. */
    private static void request(String domain, String type, String reason) throws Exception {
        try (Browser customer = new Browser()) {
            customer.logIn("customer", "customer").open("/customer/request.xhtml");
            customer.click(By.xpath("//label[normalize-space() = '" + type + "']"));
            choose(customer, domain);
            customer.find(By.id("request:reason")).sendKeys(reason);
            customer.click(By.id("request:submit"));
            customer.awaitText(By.id("feedback"), "has been sent");
            assertEquals(type, customer.text(cell(domain, "type")));
        }
    }

    @Test
    void aRequestWithoutAReasonIsRefusedAtTheReasonField() throws Exception {
        String domain = TestSystem.hostedDomain("customer", FreePorts.any());
        try (Browser customer = new Browser()) {
            customer.logIn("customer", "customer").open("/customer/request.xhtml");
            choose(customer, domain);
            customer.click(By.id("request:submit"));

            assertEquals("Please tell us why.", customer.awaitText(By.id("request:reason-message"), "why"));
            customer.screenshot("customer-request-refused");
        }
    }

    /** Picks the domain as a customer with many does: opens the menu and types part of its name into its filter. */
    private static void choose(Browser browser, String domain) {
        browser.click(By.id("request:domain"));
        browser.find(By.id("request:domain_filter")).sendKeys(domain);
        browser.click(By.xpath("//li[@data-label = '" + domain + "']"));
        browser.awaitText(By.id("request:domain_label"), domain);
    }

    /** A cell of the domain's row in the table of queue and mailbox requests (the customer's or staff's). */
    private static By cell(String domain, String column) {
        return DomainRows.cell("other-requests", domain, column);
    }

    private static By openLink(String domain) {
        return DomainRows.link("other-requests", domain, "Open");
    }
}
