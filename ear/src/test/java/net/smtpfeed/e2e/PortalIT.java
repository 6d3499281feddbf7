package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The portal as a person uses it, in headless Chromium against the deployed product. */
@ExtendWith(ArquillianExtension.class)
class PortalIT {

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void article67IsReachedFromTheHomePageByPlainLinks() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open("/").screenshot("home");
            browser.click(By.linkText("Knowledge Base")).screenshot("knowledge-base");
            browser.click(By.linkText("How to request and manage an SMTP feed"));

            browser.awaitPath("/kb/article.xhtml?id=67");
            assertEquals("How to request and manage an SMTP feed", browser.text(By.tagName("h1")));
            assertTrue(browser.text(By.id("article-id")).contains("67"));
            assertEquals("2024-03-11", browser.text(By.id("article-created")).replaceAll(".*(\\d{4}-\\d\\d-\\d\\d).*", "$1"));
            assertEquals("2026-11-20", browser.text(By.id("article-modified")).replaceAll(".*(\\d{4}-\\d\\d-\\d\\d).*", "$1"));
            String breadcrumb = browser.text(By.id("breadcrumb"));
            assertTrue(breadcrumb.matches("(?s).*Home.*Knowledge Base.*Hosting.*"), breadcrumb);
            assertTrue(browser.text(By.id("share-link")).contains("/kb/article.xhtml?id=67"));
            browser.screenshot("article-67");
        }
    }

    @Test
    void aCustomerSeesTheirOwnMessagesInTheLogAndNeverAnotherCustomers() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start(); Browser browser = new Browser()) {
            String ownQueueId = send("someone@" + TestSystem.hostedDomain("customer", customerServer.port()));
            String othersQueueId = send("someone@" + TestSystem.hostedDomain("other", customerServer.port()));
            assertEquals(2, customerServer.awaitMessages(2, Duration.ofSeconds(30)).size());
            TestSystem.awaitDeliveryState(ownQueueId, "DELIVERED", Duration.ofSeconds(30));

            browser.logIn("customer", "customer").open("/customer/messages.xhtml");
            String log = browser.text(By.id("log:messages"));
            browser.screenshot("message-log");

            assertTrue(log.contains(ownQueueId), "own message listed:\n" + log);
            assertTrue(log.contains("Delivered"), log);
            assertFalse(log.contains(othersQueueId), "the other customer's message must not appear:\n" + log);
        }
    }

    @Test
    void theMessageLogIsForLoggedInCustomersOnly() {
        try (Browser browser = new Browser()) {
            browser.open("/customer/messages.xhtml");
            assertTrue(browser.find(By.id("login:username")).isDisplayed(), "a visitor is asked to log in");
        }
    }

    @Test
    void aWrongPasswordDoesNotLogIn() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open("/login.xhtml");
            browser.find(By.id("login:username")).sendKeys("customer");
            browser.find(By.id("login:password")).sendKeys("not-the-password");
            browser.click(By.id("login:submit"));
            assertTrue(browser.text(By.id("login-error")).contains("Wrong user name or password"));
            browser.screenshot("login-failed");
        }
    }

    private static String send(String recipient) throws Exception {
        String reply = TestSystem.sendMail(recipient, "Subject: for the log\r\n\r\nbody\r\n");
        assertTrue(reply.startsWith("250 "), reply);
        return TestSystem.queueId(reply);
    }
}
