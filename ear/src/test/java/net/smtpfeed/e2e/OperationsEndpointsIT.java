package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.smtpfeed.relay.testing.SmtpConversation;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator's tools see on the running product: health checks and the Prometheus endpoint on the management
 * port, and a server log where one grep of a queue id shows the message's whole path.
 */
@ExtendWith(ArquillianExtension.class)
class OperationsEndpointsIT {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void aRunningRelayIsReadyAndEveryReadinessCheckIsNamed() throws Exception {
        HttpResponse<String> ready = management("/health/ready");

        assertEquals(200, ready.statusCode(), ready.body());
        for (String check : List.of("migrations", "database", "smtp-listener", "clamd", "delivery-backlog")) {
            assertTrue(ready.body().contains("\"name\":\"" + check + "\""), check + " in " + ready.body());
        }
    }

    @Test
    void aRunningRelayIsAliveWhileItsListenerThreadRuns() throws Exception {
        HttpResponse<String> live = management("/health/live");

        assertEquals(200, live.statusCode(), live.body());
        assertTrue(live.body().contains("\"name\":\"smtp-listener-threads\""), live.body());
    }

    @Test
    void prometheusCountsAcceptedAndRefusedMessagesByReason() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start()) {
            String domain = TestSystem.hostedDomain("customer", customerServer.port());
            double acceptedBefore = sample(metrics(), "smtpfeed_messages_accepted_total", "");
            double deniedBefore = sample(metrics(), "smtpfeed_messages_refused_total", "reason=\"relaying_denied\"");

            TestSystem.sendMail("someone@" + domain, "Subject: counted\r\n\r\nbody\r\n");
            refusedAsRelaying();
            customerServer.awaitMessages(1, DELIVERY_TIMEOUT);

            String metrics = metrics();
            assertEquals(acceptedBefore + 1, sample(metrics, "smtpfeed_messages_accepted_total", ""), 0.0);
            assertEquals(deniedBefore + 1, sample(metrics, "smtpfeed_messages_refused_total", "reason=\"relaying_denied\""), 0.0);
            assertTrue(sample(metrics, "smtpfeed_queue_depth", "state=\"deferred\"") >= 0, "queue depth by state");
            assertTrue(sample(metrics, "smtpfeed_queue_oldest_deferred_seconds", "") >= 0, "oldest deferred age");
            assertTrue(sample(metrics, "smtpfeed_smtp_sessions_open", "") >= 0, "sessions open");
        }
    }

    @Test
    void prometheusHasHistogramBucketsOfFilterAndDeliveryTimes() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start()) {
            String domain = TestSystem.hostedDomain("customer", customerServer.port());
            String queueId = TestSystem.queueId(
                    TestSystem.sendMail("someone@" + domain, "Subject: timed\r\n\r\nbody\r\n"));
            TestSystem.awaitDeliveryState(queueId, "DELIVERED", DELIVERY_TIMEOUT);

            String metrics = metrics();

            assertTrue(metrics.contains("# TYPE smtpfeed_filter_seconds histogram\n"), metrics);
            assertTrue(sample(metrics, "smtpfeed_filter_seconds_bucket", "filter=\"virus_scan\"", "le=\"+Inf\"") >= 1,
                    "virus scans in the +Inf bucket");
            assertTrue(sample(metrics, "smtpfeed_filter_seconds_bucket", "filter=\"virus_scan\"", "le=\"30.0\"") >= 1,
                    "a 30 s bucket");
            assertTrue(metrics.contains("# TYPE smtpfeed_delivery_seconds histogram\n"), metrics);
            assertTrue(sample(metrics, "smtpfeed_delivery_seconds_bucket", "le=\"+Inf\"") >= 1, "deliveries in +Inf");
            assertTrue(sample(metrics, "smtpfeed_delivery_seconds_count", "") >= 1, "delivery count");
        }
    }

    @Test
    void oneGrepOfAQueueIdShowsIntakeFiltersAndDelivery() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start()) {
            String domain = TestSystem.hostedDomain("customer", customerServer.port());
            String queueId = TestSystem.queueId(TestSystem.sendMail("someone@" + domain, "Subject: traced\r\n\r\nbody\r\n"));
            TestSystem.awaitDeliveryState(queueId, "DELIVERED", DELIVERY_TIMEOUT);

            List<String> lines = serverLog().stream().filter(line -> line.contains(queueId)).toList();

            assertTrue(lines.stream().anyMatch(l -> l.contains(queueId + ": VIRUS_SCAN CLEAN")), "filter: " + lines);
            assertTrue(lines.stream().anyMatch(l -> l.contains(queueId + ": accepted from=<sender@elsewhere.example>")),
                    "intake: " + lines);
            assertTrue(lines.stream().anyMatch(l -> l.contains(queueId + ": to=<someone@" + domain + "> relay=")
                    && l.contains("status=sent")), "delivery: " + lines);
            assertTrue(lines.stream().noneMatch(l -> l.contains("Subject: traced")), "no message text in the log");
        }
    }

    private static void refusedAsRelaying() throws IOException {
        try (SmtpConversation smtp = SmtpConversation.open("127.0.0.1", TestSystem.smtpPort())) {
            smtp.send("EHLO mx.elsewhere.example");
            smtp.send("MAIL FROM:<sender@elsewhere.example>");
            assertEquals("550 5.7.1 relaying denied", smtp.send("RCPT TO:<someone@not-hosted.example>"));
        }
    }

    private static List<String> serverLog() throws IOException {
        return Files.readAllLines(Path.of(System.getProperty("jboss.home"), "standalone/log/server.log"),
                StandardCharsets.UTF_8);
    }

    private static String metrics() throws Exception {
        HttpResponse<String> metrics = management("/metrics");
        assertEquals(200, metrics.statusCode());
        return metrics.body();
    }

    /**
     * The value of one Prometheus sample: the metric's line that has all the labels (any line when they are empty;
     * WildFly adds the deployment's), 0 when it is not there yet, NaN when it is there without a value.
     */
    static double sample(String metrics, String name, String... labels) {
        Matcher line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\}\\s+(\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        while (line.find()) {
            String found = line.group(1);
            if (Arrays.stream(labels).allMatch(found::contains)) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }

    static HttpResponse<String> management(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + Integer.getInteger("e2e.management-port") + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
