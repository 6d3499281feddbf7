package net.smtpfeed.relay.node;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.smtpfeed.domain.mail.DeliveryState;
import net.smtpfeed.domain.operations.QueueSample;
import net.smtpfeed.relay.metrics.QueueCensus;
import net.smtpfeed.relay.metrics.RelayMeters;
import net.smtpfeed.relay.queue.NodeClaims;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells the shared database that this node is alive (every {@code smtpfeed.node.heartbeat}) and notes the queue with
 * this node's throughput (every {@code smtpfeed.node.sample-interval}), for the staff status page.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class NodeHeartbeat {

    private static final Logger LOG = Logger.getLogger(NodeHeartbeat.class.getName());
    /** Queue samples, and the rows of nodes silent for longer, are forgotten after this long. */
    private static final Duration HISTORY_KEPT = Duration.ofDays(2);

    @Inject
    @ConfigProperty(name = "smtpfeed.node.heartbeat", defaultValue = "PT10S")
    Duration heartbeat;

    @Inject
    @ConfigProperty(name = "smtpfeed.node.sample-interval", defaultValue = "PT1M")
    Duration sampleInterval;

    @Inject
    NodeClaims claims;

    @Inject
    NodeRegister register;

    @Inject
    QueueCensus census;

    @Inject
    RelayMeters meters;

    @Resource
    private ManagedScheduledExecutorService timer;

    private List<ScheduledFuture<?>> tasks;
    private double acceptedBefore;
    private double deliveredBefore;

    @PostConstruct
    void start() {
        register.started(claims.node(), version(), Instant.now());
        tasks = List.of(
                timer.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS),
                timer.scheduleWithFixedDelay(this::sample, sampleInterval.toMillis(), sampleInterval.toMillis(),
                        TimeUnit.MILLISECONDS));
        LOG.info(() -> "relay node " + claims.node() + " " + version() + " registered");
    }

    @PreDestroy
    void stop() {
        tasks.forEach(task -> task.cancel(false));
    }

    private void beat() {
        try {
            register.seen(claims.node(), Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record this node's heartbeat", e);
        }
    }

    private void sample() {
        try {
            Instant now = Instant.now();
            Map<DeliveryState, Long> depth = census.depthByState();
            double accepted = meters.acceptedTotal();
            double delivered = meters.deliveredTotal();
            long waiting = depth.get(DeliveryState.QUEUED) + depth.get(DeliveryState.DELIVERING);
            register.sample(new QueueSample(claims.node(), now, waiting, depth.get(DeliveryState.DEFERRED),
                    Math.round(accepted - acceptedBefore), Math.round(delivered - deliveredBefore)), now.minus(HISTORY_KEPT));
            acceptedBefore = accepted;
            deliveredBefore = delivered;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not note a queue sample", e);
        }
    }

    private static String version() {
        String version = NodeHeartbeat.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
