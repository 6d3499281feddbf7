package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Repeated failed logins for an account make the portal refuse further attempts for a while, even with the right
 * password, in words that do not tell whether the account exists. (The e2e server allows many failures per client
 * address, as every test's browser comes from 127.0.0.1; the per-address count is tested in domain-model.)
 */
@ExtendWith(ArquillianExtension.class)
class LoginThrottleIT {

    private static final String WRONG = "Wrong user name or password";
    private static final String THROTTLED = "Too many failed logins. Try again in 1 minute.";

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordIsRefusedForAMinute() throws Exception {
        String user = TestSystem.portalUser("target", "the right password", "CUSTOMER", "customer");
        try (Browser browser = new Browser()) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertEquals(WRONG, attempt(browser, user, "guess " + attempt), "attempt " + attempt);
            }
            assertEquals(THROTTLED, attempt(browser, user, "the right password"));
            browser.screenshot("login-throttled");
            assertEquals("/login.xhtml", browser.currentPath(), "not logged in");
        }
    }

    @Test
    void anAccountThatDoesNotExistIsThrottledInTheSameWords() {
        String nobody = "nobody-" + System.currentTimeMillis() + "@users.example";
        try (Browser browser = new Browser()) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertEquals(WRONG, attempt(browser, nobody, "guess " + attempt));
            }
            assertEquals(THROTTLED, attempt(browser, nobody, "guess 6"));
        }
    }

    @Test
    void aSuccessfulLoginForgetsTheFailuresBeforeIt() throws Exception {
        String user = TestSystem.portalUser("forgetful", "the right password", "CUSTOMER", "customer");
        try (Browser browser = new Browser()) {
            for (int attempt = 1; attempt <= 4; attempt++) {
                attempt(browser, user, "typo " + attempt);
            }
            browser.logIn(user, "the right password").logOut();
            for (int attempt = 1; attempt <= 4; attempt++) {
                attempt(browser, user, "typo again " + attempt);
            }

            browser.logIn(user, "the right password");
            assertEquals(user, browser.text(By.id("current-user")), "four failures after a success do not throttle");
        }
    }

    /** One login attempt through the form; returns what the page says about it. */
    private static String attempt(Browser browser, String username, String password) {
        browser.open("/login.xhtml");
        browser.find(By.id("login:username")).sendKeys(username);
        browser.find(By.id("login:password")).sendKeys(password);
        browser.click(By.id("login:submit"));
        return browser.text(By.id("login-error"));
    }
}
