package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.smtpfeed.relay.testing.FreePorts;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** Staff's mailbox page of a domain: the switch to mailboxes and back, and the mailboxes made, reset and deleted there. */
@ExtendWith(ArquillianExtension.class)
class StaffMailboxesIT {

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void staffSwitchAFeedDomainToMailboxesFromTheDomainsPageAfterAConfirmationThatSaysWhatHappens() throws Exception {
        String domain = TestSystem.hostedDomain("customer", FreePorts.any());
        try (Browser staff = new Browser()) {
            staff.logIn("staff", "staff").open("/staff/domains.xhtml?q=" + domain);
            staff.screenshot("staff-domains-mailbox-link");
            staff.click(DomainRows.link("domains-form:domains", domain, "Switch to mailboxes…"));
            staff.awaitPath("/staff/mailboxes.xhtml?domain=" + domain);
            assertEquals("SMTP feed", staff.text(By.id("mode")));
            staff.screenshot("staff-mailboxes-feed");

            staff.click(By.id("switch:switch-to-mailboxes-button"));

            String question = MailboxPages.question(staff);
            assertTrue(question.contains("Switch " + domain + " to temporary mailboxes? Its queued and deferred mail "
                    + "moves into the mailboxes at once"), question);
            staff.screenshot("staff-mailboxes-switch-confirmation");
            MailboxPages.confirm(staff);

            assertEquals(domain + " is on temporary mailboxes now: 0 waiting message(s) move into its mailboxes. "
                    + "Create a mailbox for each address, or a catch-all.",
                    staff.awaitText(By.id("feedback"), "is on temporary mailboxes now"));
            assertEquals("Mailboxes", staff.text(By.id("mode")));
            assertEquals("No mailbox yet. Mail for this domain waits in the queue until it has a mailbox or a catch-all.",
                    staff.text(By.id("mailboxes-form:mailboxes")).lines().filter(l -> l.startsWith("No mailbox"))
                            .findFirst().orElseThrow());
            assertEquals(List.of("staff delivery mode FEED MAILBOXES"), TestSystem.auditOf("domain " + domain));
        }
    }

    @Test
    void aNewMailboxsPasswordIsShownOnceToPassOnAndAResetGivesAnother() throws Exception {
        String domain = TestSystem.hostedDomain("customer", FreePorts.any());
        try (Browser staff = new Browser()) {
            staff.logIn("staff", "staff");
            MailboxPages.switchToMailboxes(staff, domain);

            String password = MailboxPages.createMailbox(staff, "Info", false);

            assertEquals("info@" + domain, staff.text(By.id("shown-address")));
            assertTrue(password.matches("[A-Za-z2-9]{16}"), password);
            assertEquals("info@" + domain, staff.text(MailboxPages.cell("info@" + domain, "address")));
            assertEquals("0", staff.text(MailboxPages.cell("info@" + domain, "messages")));
            staff.screenshot("staff-mailbox-created");

            MailboxPages.open(staff, domain);
            assertFalse(staff.pageText().contains(password), "shown once only");
            assertTrue(staff.find(By.id("mailboxes-form:mailboxes")).isDisplayed());

            staff.click(MailboxPages.button("info@" + domain, "reset-password"));
            MailboxPages.confirm(staff);

            assertEquals("info@" + domain + " has a new password.", staff.awaitText(By.id("feedback"), "new password"));
            assertNotEquals(password, staff.text(By.id("shown-secret")));
            assertEquals(List.of("staff mailbox null created", "staff password null reset"),
                    TestSystem.auditOf("mailbox info@" + domain));
        }
    }

    @Test
    void theCatchAllMovesBetweenMailboxesAndADeletedMailboxIsGone() throws Exception {
        String domain = TestSystem.hostedDomain("customer", FreePorts.any());
        try (Browser staff = new Browser()) {
            staff.logIn("staff", "staff");
            MailboxPages.switchToMailboxes(staff, domain);
            MailboxPages.createMailbox(staff, "info", true);
            assertEquals("info@" + domain + " Catch-all", staff.text(MailboxPages.cell("info@" + domain, "address")));
            MailboxPages.createMailbox(staff, "sales", false);

            MailboxPages.post(staff, MailboxPages.button("sales@" + domain, "make-catch-all"));

            assertEquals("sales@" + domain + " is the catch-all now: it takes the mail for addresses without a mailbox.",
                    staff.awaitText(By.id("feedback"), "catch-all now"));
            assertEquals("sales@" + domain + " Catch-all", staff.text(MailboxPages.cell("sales@" + domain, "address")));
            assertEquals("info@" + domain, staff.text(MailboxPages.cell("info@" + domain, "address")));
            staff.screenshot("staff-mailboxes-catch-all");

            staff.click(MailboxPages.button("sales@" + domain, "delete"));
            assertTrue(MailboxPages.question(staff).contains("Delete sales@" + domain + " and the 0 message(s) in it?"));
            MailboxPages.confirm(staff);

            assertEquals("sales@" + domain + " is deleted, with 0 message(s).", staff.awaitText(By.id("feedback"), "deleted"));
            assertFalse(staff.text(By.id("mailboxes-form:mailboxes")).contains("sales@"));
            assertEquals("No catch-all: mail for an address without its own mailbox waits in the queue.",
                    staff.text(By.id("no-catch-all")));
        }
    }

    @Test
    void mailIsDeletedOnTheSwitchBackOnlyOnceTheCustomerConfirmedTheyFetchedIt() throws Exception {
        int port = FreePorts.any();
        String domain = TestSystem.hostedDomain("customer", port);
        try (Browser staff = new Browser()) {
            staff.logIn("staff", "staff");
            MailboxPages.switchToMailboxes(staff, domain);
            MailboxPages.createMailbox(staff, "info", true);
            staff.scrollTo(By.id("switch-back"));
            staff.screenshot("staff-mailboxes-switch-back");

            staff.click(By.id("switch-back:switch-back-button"));
            MailboxPages.confirm(staff);
            assertEquals("Choose what becomes of the mail in the mailboxes.",
                    staff.awaitText(By.id("switch-back:disposal-message"), "Choose"));

            staff.click(By.xpath("//label[starts-with(normalize-space(), 'Delete them')]"));
            staff.click(By.id("switch-back:switch-back-button"));
            MailboxPages.confirm(staff);
            assertEquals("Mail is deleted only once the customer confirmed they fetched it.",
                    staff.awaitText(By.id("switch-back:fetch-confirmed-message"), "fetched"));

            staff.click(By.cssSelector("#switch-back\\:fetch-confirmed .ui-chkbox-box"));
            staff.click(By.id("switch-back:switch-back-button"));
            MailboxPages.confirm(staff);

            assertEquals(domain + " is back on its SMTP feed to 127.0.0.1:" + port + ": 0 message(s) were deleted with its "
                    + "1 mailbox(es).", staff.awaitText(By.id("feedback"), "is back on its SMTP feed"));
            assertEquals("SMTP feed", staff.text(By.id("mode")));
            assertTrue(staff.find(By.id("switch-to-mailboxes")).isDisplayed());
        }
    }
}
