package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import net.smtpfeed.relay.testing.FreePorts;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** Staff's Domains page: every customer's domains, found by search, suspended and reactivated, their queue handled. */
@ExtendWith(ArquillianExtension.class)
class StaffDomainsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void staffFindDomainsByTheirCustomersName() throws Exception {
        try (Browser staff = new Browser()) {
            staff.logIn("staff", "staff").click(By.id("nav-staff-domains"));
            staff.find(By.id("q")).sendKeys("Other Example");
            staff.click(By.id("search-button"));

            staff.awaitPath("/staff/domains.xhtml?q=Other+Example");
            assertEquals("Other Example GmbH", staff.text(DomainRows.cell("other.example", "customer")));
            assertEquals("127.0.0.1:2626", staff.text(DomainRows.cell("other.example", "destination")));
            assertEquals("SMTP feed", staff.text(DomainRows.cell("other.example", "mode")));
            assertTrue(!staff.text(By.id("domains-form:domains")).contains("customer.example"), "only the search's");
            staff.screenshot("staff-domains-search");
        }
    }

    @Test
    void aSuspendedDomainsMailIsRefusedUntilStaffReactivateIt() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start(); Browser staff = new Browser()) {
            String domain = TestSystem.hostedDomain("other", customerServer.port());
            staff.logIn("staff", "staff").open("/staff/domains.xhtml?q=" + domain);
            assertEquals("Active", staff.text(DomainRows.cell(domain, "status")));

            staff.click(DomainRows.button(domain, "suspend"));

            assertEquals(domain + " is suspended: the relay refuses its mail with 550 from now on.",
                    staff.awaitText(By.id("feedback"), "is suspended"));
            assertEquals("Suspended", staff.text(DomainRows.cell(domain, "status")));
            assertTrue(staff.currentPath().contains("q=" + domain), "the same search: " + staff.currentPath());
            staff.screenshot("staff-domains-suspended");
            String refused = TestSystem.sendMail("someone@" + domain, "Subject: while suspended\r\n\r\nbody\r\n");
            assertTrue(refused.startsWith("550 "), refused);

            staff.click(DomainRows.button(domain, "reactivate"));

            staff.awaitText(By.id("feedback"), "is active again");
            assertEquals("Active", staff.text(DomainRows.cell(domain, "status")));
            String accepted = TestSystem.sendMail("someone@" + domain, "Subject: active again\r\n\r\nbody\r\n");
            assertTrue(accepted.startsWith("250 "), accepted);
            assertEquals(1, customerServer.awaitMessages(1, TIMEOUT).size());
            assertEquals(List.of("staff status ACTIVE SUSPENDED", "staff status SUSPENDED ACTIVE"),
                    TestSystem.auditOf("domain " + domain));
        }
    }

    @Test
    void theQueueLifetimeIsExtendedAndTheQueueRetriedFromTheDomainsPage() throws Exception {
        String domain = TestSystem.hostedDomain("customer", FreePorts.any());
        try (Browser staff = new Browser()) {
            staff.logIn("staff", "staff").open("/staff/domains.xhtml?q=" + domain);
            assertEquals("2 days", staff.text(DomainRows.cell(domain, "lifetime")));

            staff.click(DomainRows.button(domain, "extend-lifetime"));

            assertEquals("The queue lifetime of " + domain + " is now 3 days; the expiry of no waiting delivery moved "
                    + "with it.", staff.awaitText(By.id("feedback"), "The queue lifetime"));
            assertEquals("3 days", staff.text(DomainRows.cell(domain, "lifetime")));

            staff.click(DomainRows.button(domain, "retry-now"));

            String retried = staff.awaitText(By.id("feedback"), "Retry now for");
            assertTrue(retried.startsWith("Retry now for " + domain + ": nothing was waiting, and 127.0.0.1:"), retried);
            staff.screenshot("staff-domains-retried");
            assertEquals(List.of("staff queue lifetime PT48H PT72H", "staff retry now null 0 deliveries due now"),
                    TestSystem.auditOf("domain " + domain));
        }
    }

    @Test
    void customersCannotOpenTheDomainsPage() throws Exception {
        try (Browser customer = new Browser()) {
            customer.logIn("customer", "customer").open("/staff/domains.xhtml");
            assertTrue(customer.pageText().contains("No access"), customer.pageText());
        }
    }

}
