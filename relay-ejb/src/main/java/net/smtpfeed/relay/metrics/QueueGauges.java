package net.smtpfeed.relay.metrics;

import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import net.smtpfeed.domain.mail.DeliveryState;

/**
 * The queue's gauges: copies per waiting state, and the age of the oldest deferred copy. They are read from the
 * database, which all nodes share, at most once per {@link #FRESH_FOR} however often they are scraped.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class QueueGauges {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    @Inject
    RelayMeters meters;

    @Inject
    QueueCensus census;

    private volatile Snapshot snapshot = new Snapshot(Map.of(), 0, Instant.EPOCH);

    @PostConstruct
    void register() {
        for (DeliveryState state : QueueCensus.WAITING_STATES) {
            meters.gauge("smtpfeed_queue_depth", Tags.of("state", state.name().toLowerCase(Locale.ROOT)), this,
                    gauges -> gauges.current().depth().getOrDefault(state, 0L));
        }
        // The age of the message of the oldest deferred copy; 0 when nothing is deferred.
        meters.gauge("smtpfeed_queue_oldest_deferred_seconds", Tags.empty(), this,
                gauges -> gauges.current().oldestDeferredSeconds());
    }

    private Snapshot current() {
        Snapshot last = snapshot;
        Instant now = Instant.now();
        if (last.takenAt().plus(FRESH_FOR).isAfter(now)) {
            return last;
        }
        long oldest = census.oldestDeferredArrival().map(at -> Math.max(0, Duration.between(at, now).toSeconds())).orElse(0L);
        snapshot = new Snapshot(census.depthByState(), oldest, now);
        return snapshot;
    }

    private record Snapshot(Map<DeliveryState, Long> depth, long oldestDeferredSeconds, Instant takenAt) {
    }
}
