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

/** Any user changes their own password: the current one first, a new one that passes the rule, typed twice. */
@ExtendWith(ArquillianExtension.class)
class AccountIT {

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void aUserChangesTheirPasswordAndLogsInWithTheNewOneOnly() throws Exception {
        String user = TestSystem.portalUser("anna", "the old password", "CUSTOMER", "customer");
        try (Browser browser = new Browser()) {
            browser.logIn(user, "the old password").fromAccountMenu(By.id("nav-account"));
            browser.awaitPath("/account.xhtml");
            assertTrue(browser.text(By.tagName("main")).contains("You are logged in as " + user));
            browser.screenshot("account");

            change(browser, "not my password", "a brand new secret", "a brand new secret");
            assertEquals("This is not your current password.", browser.awaitText(By.id("password:current-message"), "not"));
            change(browser, "the old password", "too short", "too short");
            assertEquals("The password needs at least 10 characters.", browser.awaitText(By.id("password:new-message"), "10"));
            change(browser, "the old password", user.toUpperCase(), user.toUpperCase());
            assertEquals("The password must not be your user name.", browser.awaitText(By.id("password:new-message"), "user name"));
            change(browser, "the old password", "a brand new secret", "a brand new secreT");
            assertEquals("The two new passwords differ.", browser.awaitText(By.id("password:repeated-message"), "differ"));
            browser.screenshot("account-refused");

            change(browser, "the old password", "a brand new secret", "a brand new secret");
            assertEquals("Your password has been changed.", browser.awaitText(By.id("feedback"), "changed"));
            browser.logOut();

            browser.open("/login.xhtml");
            browser.find(By.id("login:username")).sendKeys(user);
            browser.find(By.id("login:password")).sendKeys("the old password");
            browser.click(By.id("login:submit"));
            assertTrue(browser.text(By.id("login-error")).contains("Wrong user name or password"));
            browser.logIn(user, "a brand new secret");
            assertEquals(user, browser.text(By.id("current-user")));
        }
        assertEquals(List.of(user + " password null changed"), TestSystem.auditOf("user " + user));
    }

    @Test
    void staffChangeTheirPasswordOnTheSamePage() throws Exception {
        String sam = TestSystem.portalUser("sam", "staff password", "STAFF", null);
        try (Browser browser = new Browser()) {
            browser.logIn(sam, "staff password").fromAccountMenu(By.id("nav-account"));
            change(browser, "staff password", "another staff password", "another staff password");
            assertEquals("Your password has been changed.", browser.awaitText(By.id("feedback"), "changed"));
        }
    }

    @Test
    void aVisitorIsAskedToLogInFirst() {
        try (Browser browser = new Browser()) {
            browser.open("/account.xhtml");
            assertTrue(browser.find(By.id("login:username")).isDisplayed());
        }
    }

    private static void change(Browser browser, String current, String fresh, String repeated) {
        browser.open("/account.xhtml");
        browser.find(By.id("password:current")).sendKeys(current);
        browser.find(By.id("password:new")).sendKeys(fresh);
        browser.find(By.id("password:repeated")).sendKeys(repeated);
        browser.click(By.id("password:submit"));
    }
}
