package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Staff's audit log: every change by anyone, found by what changed, the kind of change and who made it. */
@ExtendWith(ArquillianExtension.class)
class AuditLogIT {

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void aCustomersChangeAndStaffsSuspensionAreFoundByDomainKindAndWho() throws Exception {
        String domain = TestSystem.hostedDomain("customer", 2626);
        try (Browser customer = new Browser(); Browser staff = new Browser()) {
            customer.logIn("customer", "customer").open("/customer/domain.xhtml?name=" + domain);
            customer.click(By.cssSelector("#settings\\:greylisting .ui-toggleswitch-slider"));
            customer.click(By.id("settings:save"));
            customer.awaitText(By.id("feedback"), "Saved");

            staff.logIn("staff", "staff").open("/staff/domains.xhtml?q=" + domain);
            staff.click(DomainRows.button(domain, "suspend"));
            staff.awaitText(By.id("feedback"), "is suspended");

            staff.click(By.id("nav-audit"));
            staff.awaitPath("/staff/audit.xhtml");
            staff.screenshot("audit-log");
            staff.find(By.id("filter:subject")).sendKeys(domain);
            staff.click(By.id("filter:apply"));

            staff.awaitPath("/staff/audit.xhtml?subject=" + domain);
            assertEquals(List.of("staff | Customer Example Ltd | domain " + domain + " | status | ACTIVE | SUSPENDED",
                    "customer | Customer Example Ltd | domain " + domain + " | Greylisting | Off | On"), rows(staff));
            assertTrue(staff.text(By.id("log:entries")).contains("1-2 of 2"), "the database counted them");
            staff.screenshot("audit-log-filtered");

            staff.open("/staff/audit.xhtml?subject=" + domain + "&actor=customer");
            assertEquals(1, rows(staff).size(), rows(staff).toString());
            staff.open("/staff/audit.xhtml?subject=" + domain + "&change=status");
            assertEquals(List.of("staff | Customer Example Ltd | domain " + domain + " | status | ACTIVE | SUSPENDED"),
                    rows(staff));
        }
    }

    @Test
    void theLogIsPagedByTheDatabase() throws Exception {
        try (Browser staff = new Browser()) {
            staff.logIn("staff", "staff").open("/staff/audit.xhtml");
            assertTrue(rows(staff).size() <= 25, "one page of 25 at most");
            String report = staff.text(By.cssSelector("#log\\:entries .ui-paginator-current"));
            assertTrue(report.matches("1-\\d+ of \\d+"), report);
        }
    }

    /** The table's rows as "who | customer | subject | change | before | after", newest first. */
    private static List<String> rows(Browser browser) {
        return browser.find(By.id("log:entries")).findElements(By.cssSelector("tbody tr")).stream()
                .filter(row -> row.findElements(By.cssSelector("td.actor")).size() == 1)
                .map(row -> String.join(" | ", text(row, "actor"), text(row, "customer"), text(row, "subject"),
                        text(row, "change"), text(row, "before"), text(row, "after")))
                .toList();
    }

    private static String text(WebElement row, String column) {
        return row.findElement(By.cssSelector("td." + column)).getText().strip();
    }
}
