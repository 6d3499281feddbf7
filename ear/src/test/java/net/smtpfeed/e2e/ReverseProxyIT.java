package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal behind the ISP's HTTPS reverse proxy (the e2e server runs with smtpfeed.portal.behind-proxy=true): the
 * login form is used as the proxy passes it on, with the X-Forwarded-* headers naming the client, the scheme and the
 * public host.
 */
@ExtendWith(ArquillianExtension.class)
class ReverseProxyIT {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Map<String, String> PROXY_HEADERS = Map.of("X-Forwarded-For", "203.0.113.77",
            "X-Forwarded-Proto", "https", "X-Forwarded-Host", "portal.isp.example");

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void aFailedLoginIsCountedForTheClientTheProxyNamesNotForTheProxy() throws Exception {
        String account = "proxied-" + System.nanoTime() + "@users.example";

        HttpResponse<String> failed = logIn(account, "wrong password");

        assertEquals(200, failed.statusCode());
        assertTrue(failed.body().contains("Wrong user name or password"), failed.body());
        assertEquals(List.of("203.0.113.77"), TestSystem.loginFailureAddresses(account));
    }

    @Test
    void aLoginThroughTheProxyIsSentOnToThePublicAddress() throws Exception {
        String user = TestSystem.portalUser("proxied", "the right password", "CUSTOMER", "customer");

        HttpResponse<String> loggedIn = logIn(user, "the right password");

        assertEquals(302, loggedIn.statusCode());
        String location = loggedIn.headers().firstValue("Location").orElse("none");
        assertTrue(location.startsWith("https://portal.isp.example/"), location);
    }

    /** The login form, opened and posted through the proxy, as a browser behind it does. */
    private static HttpResponse<String> logIn(String username, String password) throws Exception {
        // HTTP/1.1, as proxies such as nginx talk to the server behind them (seen here: a request upgraded to h2c
        // skips Undertow's X-Forwarded-* handling)
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form = client.send(throughProxy("/login.xhtml").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher viewState = VIEW_STATE.matcher(form.body());
        assertTrue(viewState.find(), "the login form has a view state: " + form.body());
        String fields = Map.of("login", "login", "login:username", username, "login:password", password,
                        "login:submit", "", "jakarta.faces.ViewState", viewState.group(1)).entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(throughProxy("/login.xhtml").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder throughProxy(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestSystem.portalUrl(path)));
        PROXY_HEADERS.forEach(request::header);
        return request;
    }
}
