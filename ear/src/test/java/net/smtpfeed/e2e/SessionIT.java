package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** A session ends when its user logs out, and when it has been idle for smtpfeed.portal.session-idle. */
@ExtendWith(ArquillianExtension.class)
class SessionIT {

    private static final String SESSION_IDLE = "smtpfeed.portal.session-idle";

    @ArquillianResource
    private ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void afterLoggingOutTheCustomerPagesAskForALoginAgain() throws Exception {
        try (Browser browser = new Browser()) {
            browser.logIn("customer", "customer").open("/customer/messages.xhtml");
            String session = browser.sessionCookie();

            browser.logOut();

            browser.open("/customer/messages.xhtml");
            assertTrue(browser.find(By.id("login:username")).isDisplayed());
            assertEquals(302, get("/customer/messages.xhtml", session).statusCode(), "the old session is gone");
        }
    }

    @Test
    void loggingInGivesTheSessionANewIdSoThatAnIdPlantedBeforeIsWorthNothing() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open("/login.xhtml");
            String before = browser.sessionCookie();

            browser.logIn("customer", "customer");

            assertNotEquals(before, browser.sessionCookie());
            assertEquals(302, get("/customer/messages.xhtml", before).statusCode(), "the id from before the login is no way in");
        }
    }

    @Test
    void logoutIsNotALinkAnotherSiteCouldOpen() throws Exception {
        try (Browser browser = new Browser()) {
            browser.logIn("customer", "customer");
            String session = browser.sessionCookie();

            assertEquals(405, get("/logout", session).statusCode(), "GET is not allowed");
            HttpResponse<String> forged = send(HttpRequest.newBuilder(URI.create(TestSystem.portalUrl("/logout")))
                    .header("Cookie", "JSESSIONID=" + session)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=guessed")));
            assertEquals(403, forged.statusCode(), "a post without the session's token is refused");

            assertEquals(200, get("/customer/messages.xhtml", session).statusCode(), "still logged in");
        }
    }

    /**
     * The configured idle time, shortened to 3 seconds through the server's management interface (as an operator
     * changes a system property at runtime) for the sessions begun meanwhile, and set back afterwards: the
     * listener reads it at each new session.
     */
    @Test
    void aSessionIdleForLongerThanTheIdleTimeEndsButAnActiveOneGoesOn() throws Exception {
        execute("add", "PT3S");
        try (Browser browser = new Browser()) {
            browser.logIn("customer", "customer");
            for (int request = 0; request < 3; request++) {
                Thread.sleep(1_500);
                browser.open("/customer/messages.xhtml");
                assertEquals("/customer/messages.xhtml", browser.currentPath(), "active, so still logged in");
            }

            Thread.sleep(4_500);
            browser.open("/customer/messages.xhtml");

            browser.awaitPath("/login.xhtml");
            assertTrue(browser.find(By.id("login:username")).isDisplayed(), "idle too long: log in again");
        } finally {
            execute("remove", null);
        }
    }

    private void execute(String operation, String value) throws Exception {
        ModelNode op = new ModelNode();
        op.get("operation").set(operation);
        op.get("address").add("system-property", SESSION_IDLE);
        if (value != null) {
            op.get("value").set(value);
        }
        ModelNode result = management.getControllerClient().execute(op);
        assertEquals("success", result.get("outcome").asString(), result.toString());
    }

    private static HttpResponse<String> get(String path, String session) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(TestSystem.portalUrl(path))).header("Cookie", "JSESSIONID=" + session).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
