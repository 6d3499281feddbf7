package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * A cross-site request forgery as another site's form would send it: the victim's session cookie goes along, every
 * field is what the real form sends, only the view state is missing or guessed, since the attacker cannot read it.
 * The portal changes nothing (a guessed view state is answered "This page has expired", a missing one is no
 * postback at all); the same post with the page's own view state does change the setting, so the refusal is the
 * view state's doing.
 */
@ExtendWith(ArquillianExtension.class)
class ForgedRequestIT {

    private static final String VIEW_STATE = "jakarta.faces.ViewState";

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void aForgedPostOfTheSpamSettingsChangesNothing() throws Exception {
        String domain = TestSystem.hostedDomain("customer", 2626);
        try (Browser browser = new Browser()) {
            browser.logIn("customer", "customer").open("/customer/domain.xhtml?name=" + domain);
            List<String[]> fields = formFields(browser, "settings");
            fields.add(new String[] {"settings:spamChecking_input", "on"});
            fields.add(new String[] {"settings:save", ""});
            String path = "/customer/domain.xhtml?name=" + domain;

            HttpResponse<String> withoutViewState = post(path, browser.sessionCookie(), fields, null);
            HttpResponse<String> guessedViewState = post(path, browser.sessionCookie(), fields, "-4711:4711");

            assertEquals(200, withoutViewState.statusCode(), "without a view state a post is no postback: the page is shown");
            assertFalse(withoutViewState.body().contains("Saved " + domain), withoutViewState.body());
            assertEquals(400, guessedViewState.statusCode());
            assertTrue(guessedViewState.body().contains("This page has expired"), guessedViewState.body());
            assertEquals("spam checking off, greylisting off", TestSystem.switchesOf(domain), "as it was");
            assertEquals(List.of(), TestSystem.auditOf("domain " + domain));

            HttpResponse<String> genuine = post(path, browser.sessionCookie(), fields, viewState(browser, "settings"));
            assertEquals(302, genuine.statusCode(), "the page's own view state is taken: " + genuine.body());
            assertEquals("spam checking on, greylisting off", TestSystem.switchesOf(domain));
        }
    }

    @Test
    void aForgedPostToRemoveAUserRemovesNobody() throws Exception {
        String user = TestSystem.portalUser("kept", "kept-password", "CUSTOMER", "customer");
        try (Browser browser = new Browser()) {
            browser.logIn("customer", "customer").open("/customer/users.xhtml");
            String removeButton = browser.find(By.xpath("//div[@id='users:list']//tbody/tr[td[normalize-space() = '"
                    + user + "']]//button[contains(@class, 'remove')]")).getAttribute("name");
            List<String[]> fields = formFields(browser, "users");
            fields.add(new String[] {removeButton, ""});

            HttpResponse<String> forged = post("/customer/users.xhtml", browser.sessionCookie(), fields, "-1:1");

            assertEquals(400, forged.statusCode());
            assertTrue(TestSystem.portalUserExists(user), "still a user");
            browser.open("/customer/users.xhtml");
            assertTrue(browser.text(By.id("users:list")).contains(user));
            assertFalse(browser.pageText().contains("has been removed"));
        }
    }

    @Test
    void theSessionCookieIsNeitherSentWithAnotherSitesPostNorReadByScripts() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(TestSystem.portalUrl("/login.xhtml"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElse("no session cookie");
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
    }

    /** The name and value of every field the form would send, but its view state. */
    private static List<String[]> formFields(Browser browser, String form) {
        @SuppressWarnings("unchecked")
        List<List<String>> pairs = (List<List<String>>) browser.script(
                "return Array.from(new FormData(document.getElementById(arguments[0])))"
                        + ".map(function (p) { return [p[0], String(p[1])]; });", form);
        List<String[]> fields = new ArrayList<>();
        pairs.stream().filter(p -> !p.get(0).equals(VIEW_STATE)).forEach(p -> fields.add(new String[] {p.get(0), p.get(1)}));
        return fields;
    }

    private static String viewState(Browser browser, String form) {
        return browser.findAll(By.cssSelector("form[id='" + form + "'] input[name='" + VIEW_STATE + "']")).get(0)
                .getAttribute("value");
    }

    private static HttpResponse<String> post(String path, String session, List<String[]> fields, String viewState)
            throws Exception {
        List<String[]> body = new ArrayList<>(fields);
        if (viewState != null) {
            body.add(new String[] {VIEW_STATE, viewState});
        }
        String form = body.stream()
                .map(f -> URLEncoder.encode(f[0], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(f[1], StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestSystem.portalUrl(path)))
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://attacker.example")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }
}
