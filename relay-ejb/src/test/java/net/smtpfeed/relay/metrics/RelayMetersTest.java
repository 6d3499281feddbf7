package net.smtpfeed.relay.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.distribution.pause.NoPauseDetector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.RejectException;
import org.wildfly.extension.micrometer.registry.ApplicationRegistry;

/**
 * The relay's timers as WildFly 39 exports them: the server's composite registry with its Prometheus registry (what
 * /metrics prints), and the deployment's own registry in front of it, built from WildFly's own class.
 */
class RelayMetersTest {

    private static final String DEPLOYMENT = "smtpfeed.ear";

    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CompositeMeterRegistry server = new CompositeMeterRegistry();
    private final RelayMeters meters = new RelayMeters();

    RelayMetersTest() {
        server.add(prometheus);
        meters.registry = new ApplicationRegistry(DEPLOYMENT, server);
        meters.serverRegistry = Optional.of(server);
    }

    @Test
    void eachFilterIsAHistogramWithTheRelaysBucketsAndTheDeploymentsTag() throws Exception {
        meters.timeFilter("virus_scan", () -> "clean");
        meters.timeFilter("spam_check", () -> "scored");

        String metrics = prometheus.scrape();

        assertTrue(metrics.contains("# TYPE smtpfeed_filter_seconds histogram\n"), metrics);
        List<String> virusScanBuckets = lines(metrics, "smtpfeed_filter_seconds_bucket", "filter=\"virus_scan\"");
        assertEquals(RelayMeters.TIME_BUCKETS.length + 1, virusScanBuckets.size(), metrics);
        assertTrue(virusScanBuckets.stream().allMatch(line -> line.contains("WF_DEPLOYMENT=\"" + DEPLOYMENT + "\"")),
                metrics);
        assertTrue(virusScanBuckets.contains(
                "smtpfeed_filter_seconds_bucket{WF_DEPLOYMENT=\"smtpfeed.ear\",filter=\"virus_scan\",le=\"0.001\"} 1"),
                metrics);
        assertTrue(virusScanBuckets.contains(
                "smtpfeed_filter_seconds_bucket{WF_DEPLOYMENT=\"smtpfeed.ear\",filter=\"virus_scan\",le=\"30.0\"} 1"),
                metrics);
        assertTrue(virusScanBuckets.contains(
                "smtpfeed_filter_seconds_bucket{WF_DEPLOYMENT=\"smtpfeed.ear\",filter=\"virus_scan\",le=\"+Inf\"} 1"),
                metrics);
        assertEquals(1, lines(metrics, "smtpfeed_filter_seconds_count", "filter=\"spam_check\"").size(), metrics);
    }

    @Test
    void aFilterThatRefusesIsTimedToo() {
        RejectException refusal = new RejectException(554, "5.7.1 message refused: virus found");

        try {
            meters.timeFilter("virus_scan", () -> {
                throw refusal;
            });
        } catch (RejectException expected) {
            // timed whatever its outcome
        }

        assertTrue(prometheus.scrape().contains(
                "smtpfeed_filter_seconds_bucket{WF_DEPLOYMENT=\"smtpfeed.ear\",filter=\"virus_scan\",le=\"+Inf\"} 1"));
    }

    @Test
    void deliveryIsAHistogramWithTheSameBuckets() {
        meters.timeDelivery(() -> "250 2.0.0 Ok");

        String metrics = prometheus.scrape();

        assertTrue(metrics.contains("# TYPE smtpfeed_delivery_seconds histogram\n"), metrics);
        assertEquals(RelayMeters.TIME_BUCKETS.length + 1, lines(metrics, "smtpfeed_delivery_seconds_bucket", "").size(),
                metrics);
        assertTrue(metrics.contains("smtpfeed_delivery_seconds_bucket{WF_DEPLOYMENT=\"smtpfeed.ear\",le=\"+Inf\"} 1"),
                metrics);
    }

    @Test
    void aPlainTimerLeftByAnEarlierDeploymentIsReplacedNotDuplicated() throws Exception {
        meters.registry.timer(RelayMeters.FILTER_TIME, "filter", "greylist").record(Duration.ofMillis(3));

        meters.timeFilter("greylist", () -> "pass");

        String metrics = prometheus.scrape();
        assertEquals(1, lines(metrics, "smtpfeed_filter_seconds_count", "filter=\"greylist\"").size(), metrics);
        assertTrue(metrics.contains(
                "smtpfeed_filter_seconds_bucket{WF_DEPLOYMENT=\"smtpfeed.ear\",filter=\"greylist\",le=\"+Inf\"} 1"),
                metrics);
    }

    @Test
    void theDeploymentsRegistryFindsTheTimerWithBuckets() throws Exception {
        meters.timeFilter("virus_scan", () -> "clean");

        Timer found = meters.registry.timer(RelayMeters.FILTER_TIME, "filter", "virus_scan");

        assertEquals(RelayMeters.TIME_BUCKETS.length, found.takeSnapshot().histogramCounts().length);
    }

    /**
     * Why the timers go to the server's registry: on WildFly 39 a timer built with buckets on the deployment's
     * registry never reaches /metrics. When an upgraded WildFly forwards it, this fails, and RelayMeters can register
     * its timers on the deployment's registry again.
     */
    @Test
    void aTimerBuiltOnTheDeploymentsRegistryIsNotExported() {
        // A pause detector of its own, so that register() does not ask the registry's config() for one (WildFly
        // logs a warning there, through a logger this test does not carry).
        Timer.builder("smtpfeed_probe").serviceLevelObjectives(RelayMeters.TIME_BUCKETS)
                .pauseDetector(new NoPauseDetector()).register(meters.registry).record(Duration.ofMillis(3));

        assertFalse(prometheus.scrape().contains("smtpfeed_probe"));
    }

    @Test
    void outsideWildFlyTheTimersArePlainInTheGivenRegistry() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RelayMeters plain = new RelayMeters();
        plain.registry = registry;
        plain.serverRegistry = Optional.empty();

        plain.timeFilter("virus_scan", () -> "clean");
        plain.timeDelivery(() -> "250 2.0.0 Ok");

        assertEquals(1, registry.timer(RelayMeters.FILTER_TIME, "filter", "virus_scan").count());
        assertEquals(1, registry.timer(RelayMeters.DELIVERY_TIME).count());
    }

    private static List<String> lines(String metrics, String name, String label) {
        return Pattern.compile("^" + Pattern.quote(name) + "\\{[^}]*\\} .*$", Pattern.MULTILINE).matcher(metrics)
                .results().map(match -> match.group()).filter(line -> line.contains(label)).toList();
    }
}
