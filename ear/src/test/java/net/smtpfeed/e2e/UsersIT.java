package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The users of a customer's account in the hands of its administrator (and the staff accounts in the administrator's):
 * invited by a single-use link, promoted, removed; every change audited; nobody else may.
 */
@ExtendWith(ArquillianExtension.class)
class UsersIT {

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void anInviteeOpensTheLinkChoosesAPasswordAndLogsInAsAUserOfTheCustomer() throws Exception {
        String email = "ines-" + System.currentTimeMillis() + "@customer.example";
        String link;
        try (Browser administrator = new Browser()) {
            administrator.logIn("customer", "customer").fromAccountMenu(By.id("nav-users"));
            administrator.awaitPath("/customer/users.xhtml");
            assertEquals("Users of your account", administrator.text(By.tagName("h1")));
            assertTrue(administrator.text(By.id("users:list")).contains("colleague"));
            administrator.screenshot("users-customer");

            administrator.find(By.id("invite:email")).sendKeys(email);
            administrator.find(By.id("invite:name")).sendKeys("Ines Invited");
            administrator.click(By.id("invite:submit"));

            assertEquals("Invitation for " + email + " created.", administrator.awaitText(By.id("feedback"), "Invitation"));
            link = administrator.text(By.id("invitation-link"));
            assertTrue(link.matches("http://[^/]+/invitation\\.xhtml\\?token=[A-Za-z0-9_-]{43}"), link);
            String mailto = administrator.find(By.id("invitation-mailto")).getAttribute("href");
            assertTrue(mailto.startsWith("mailto:" + email + "?subject="), mailto);
            assertTrue(mailto.contains(link.substring(link.indexOf("token=") + 6)), "the mail carries the link: " + mailto);
            administrator.screenshot("users-invitation-link");

            administrator.open("/customer/users.xhtml");
            assertFalse(administrator.pageText().contains(link), "the link is shown once only");
        }

        try (Browser invitee = new Browser()) {
            invitee.open(link.replaceFirst("^http://[^/]+", ""));
            assertTrue(invitee.text(By.tagName("main")).contains("Hello Ines Invited"));
            assertEquals(email, invitee.find(By.id("invitation-username")).getAttribute("value"));
            invitee.screenshot("invitation");
            invitee.find(By.id("invitation:password")).sendKeys("short");
            invitee.find(By.id("invitation:repeated")).sendKeys("short");
            invitee.click(By.id("invitation:submit"));
            assertEquals("The password needs at least 10 characters.", invitee.awaitText(By.id("invitation:password-message"), "10"));

            invitee.find(By.id("invitation:password")).sendKeys("a long enough secret");
            invitee.find(By.id("invitation:repeated")).sendKeys("a long enough secret");
            invitee.click(By.id("invitation:submit"));
            invitee.awaitPath("/login.xhtml");
            assertTrue(invitee.text(By.id("login-error")).contains("Your account " + email + " is ready"));

            invitee.logIn(email, "a long enough secret");
            invitee.awaitPath("/customer/dashboard.xhtml");
            assertEquals(email, invitee.text(By.id("current-user")));
            assertTrue(invitee.pageText().contains("customer.example"), "a user of the same customer sees its domains");

            invitee.open(link.replaceFirst("^http://[^/]+", ""));
            assertTrue(invitee.pageText().contains("Page not found"), "the link works once only");
        }
        assertEquals(List.of("customer user invited null Ines Invited as CUSTOMER",
                email + " invitation accepted null CUSTOMER"), TestSystem.auditOf("user " + email));
    }

    @Test
    void aRemovedUsersSessionEndsAtTheirNextRequestAndTheyCannotLogInAgain() throws Exception {
        String leaver = TestSystem.portalUser("leaver", "leaver-password", "CUSTOMER", "customer");
        try (Browser administrator = new Browser(); Browser removed = new Browser()) {
            removed.logIn(leaver, "leaver-password").open("/customer/messages.xhtml");
            assertEquals(leaver, removed.text(By.id("current-user")));

            administrator.logIn("customer", "customer").open("/customer/users.xhtml");
            administrator.click(userButton(leaver, "remove"));

            assertEquals(leaver + " has been removed and can no longer log in.",
                    administrator.awaitText(By.id("feedback"), "removed"));
            assertFalse(administrator.text(By.id("users:list")).contains(leaver));
            assertFalse(TestSystem.portalUserExists(leaver));

            removed.open("/customer/messages.xhtml");
            removed.awaitPath("/login.xhtml");
            removed.find(By.id("login:username")).sendKeys(leaver);
            removed.find(By.id("login:password")).sendKeys("leaver-password");
            removed.click(By.id("login:submit"));
            assertTrue(removed.text(By.id("login-error")).contains("Wrong user name or password"));
        }
        assertEquals(List.of("customer user removed CUSTOMER null"), TestSystem.auditOf("user " + leaver));
    }

    @Test
    void aUserMadeAdministratorManagesUsersAndTheLastAdministratorStaysOne() throws Exception {
        String first = TestSystem.newCustomerAdministrator("first", "first-password");
        String boss = TestSystem.portalUser("boss", "boss-password", "CUSTOMER", first);
        try (Browser firstAdministrator = new Browser(); Browser promoted = new Browser()) {
            firstAdministrator.logIn(first, "first-password").open("/customer/users.xhtml");
            assertTrue(firstAdministrator.find(userButtons(first)).findElements(By.cssSelector("button.remove")).isEmpty(),
                    "no way to remove oneself");
            firstAdministrator.click(userButton(first, "demote"));
            assertEquals("There must always be an administrator. Make someone else an administrator first.",
                    firstAdministrator.awaitText(By.id("feedback"), "There must always"));
            assertEquals("CUSTOMER_ADMIN", TestSystem.roleOf(first));

            firstAdministrator.click(userButton(boss, "promote"));
            assertEquals(boss + " is now an administrator.", firstAdministrator.awaitText(By.id("feedback"), "is now"));
            assertEquals("CUSTOMER_ADMIN", TestSystem.roleOf(boss));

            promoted.logIn(boss, "boss-password").open("/customer/users.xhtml");
            promoted.click(userButton(first, "demote"));
            assertEquals(first + " is now a user without administration rights.",
                    promoted.awaitText(By.id("feedback"), "is now"));
            assertEquals("CUSTOMER", TestSystem.roleOf(first));

            firstAdministrator.open("/customer/users.xhtml");
            firstAdministrator.awaitPath("/login.xhtml");
        }
        assertEquals(List.of(first + " role CUSTOMER CUSTOMER_ADMIN"), TestSystem.auditOf("user " + boss));
        assertEquals(List.of(boss + " role CUSTOMER_ADMIN CUSTOMER"), TestSystem.auditOf("user " + first));
    }

    @Test
    void aCustomerUserHasNoUsersPage() throws Exception {
        try (Browser colleague = new Browser()) {
            colleague.logIn("colleague", "colleague").click(By.cssSelector("#account-menu > summary"));
            assertTrue(colleague.find(By.id("nav-account")).isDisplayed());
            assertTrue(colleague.findAll(By.id("nav-users")).isEmpty(), "no Users entry in the menu");
            colleague.screenshot("account-menu");

            colleague.open("/customer/users.xhtml");
            assertTrue(colleague.pageText().contains("No access"), colleague.pageText());
            assertFalse(colleague.pageText().contains("Invite a user"));
        }
    }

    @Test
    void theAdministratorManagesTheStaffAccountsWhichStaffCannotOpen() throws Exception {
        String newcomer = "sven-" + System.currentTimeMillis() + "@isp.example";
        try (Browser admin = new Browser(); Browser staff = new Browser()) {
            admin.logIn("admin", "admin").fromAccountMenu(By.id("nav-staff-users"));
            admin.awaitPath("/staff/users.xhtml");
            String list = admin.text(By.id("users:list"));
            assertTrue(list.contains("staff") && list.contains("admin"), list);
            assertFalse(list.contains("colleague"), "no customer's users");
            admin.find(By.id("invite:email")).sendKeys(newcomer);
            admin.find(By.id("invite:name")).sendKeys("Sven Staff");
            admin.click(By.id("invite:submit"));
            admin.awaitText(By.id("feedback"), "Invitation for " + newcomer);
            admin.screenshot("users-staff");

            staff.logIn("staff", "staff").open("/staff/users.xhtml");
            assertTrue(staff.pageText().contains("No access"), staff.pageText());
        }
        assertEquals(List.of("admin user invited null Sven Staff as STAFF"), TestSystem.auditOf("user " + newcomer));
    }

    private static By userButtons(String username) {
        return By.xpath("//div[@id='users:list']//tbody/tr[td[contains(@class, 'username') and normalize-space() = '"
                + username + "']]/td[contains(@class, 'actions')]");
    }

    private static By userButton(String username, String action) {
        return By.xpath("//div[@id='users:list']//tbody/tr[td[contains(@class, 'username') and normalize-space() = '"
                + username + "']]//button[contains(concat(' ', @class, ' '), ' " + action + " ')]");
    }
}
