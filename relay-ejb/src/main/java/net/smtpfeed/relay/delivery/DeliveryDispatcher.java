package net.smtpfeed.relay.delivery;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import net.smtpfeed.relay.queue.ClaimedDelivery;
import net.smtpfeed.relay.queue.MessageAccepted;
import net.smtpfeed.relay.queue.NodeClaims;
import net.smtpfeed.relay.queue.QueueLedger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands deliveries to workers: a newly accepted message at once, when its transaction has committed; and, on a
 * timer, whatever is due again (retries, mail whose destination came back, and deliveries whose worker died).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class.getName());
    private static final int DUE_BATCH = 200;

    @Resource
    private ManagedThreadFactory threadFactory;

    @Inject
    @ConfigProperty(name = "smtpfeed.delivery.concurrency", defaultValue = "20")
    int concurrency;

    @Resource
    private ManagedScheduledExecutorService timer;

    @Inject
    private DeliveryWorker worker;

    @Inject
    private QueueLedger ledger;

    @Inject
    private NodeClaims claims;

    @Inject
    @ConfigProperty(name = "smtpfeed.queue.poll-interval", defaultValue = "PT15S")
    Duration pollInterval;

    private ExecutorService workers;
    private final Map<String, CompletableFuture<Void>> lastBatch = new ConcurrentHashMap<>();
    private ScheduledFuture<?> poll;

    @PostConstruct
    void start() {
        int released = ledger.releaseClaimsOfThisNode(Instant.now());
        if (released > 0) {
            LOG.info(() -> released + " deliveries claimed by " + claims.node() + " before it stopped are due again");
        }
        // As many SMTP clients as Postfix's default per destination; what waits beyond them is only message ids.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(concurrency, concurrency, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threadFactory);
        pool.allowCoreThreadTimeOut(true);
        workers = pool;
        poll = timer.scheduleWithFixedDelay(this::dispatchDue, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        poll.cancel(false);
        // Deliveries still claimed when the pool stops come back to the queue when their lease ends.
        workers.shutdownNow();
    }

    public void onAccepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageAccepted accepted) {
        workers.execute(() -> deliver(() -> whileLeaseHolds(accepted)));
    }

    /**
     * A hand-off that waited for a worker through half its lease is left for the poller to take when the lease ends:
     * the rest of the lease might not cover a slow server's timeouts, and a delivery must not outlive its claim.
     */
    private List<ClaimedDelivery> whileLeaseHolds(MessageAccepted accepted) {
        Instant deadline = accepted.claimed().get(0).leasedUntil().minus(claims.lease().dividedBy(2));
        if (Instant.now().isAfter(deadline)) {
            LOG.warning(() -> accepted.queueId() + ": waited too long for a delivery worker; due again when its claim ends");
            return List.of();
        }
        return accepted.claimed();
    }

    /** Looks for due mail now, on a worker, instead of at the next poll: for mail that staff asked to retry now. */
    public void dispatchDueNow() {
        workers.execute(this::dispatchDue);
    }

    /**
     * Claims what is due, in batches, oldest first. Each destination gets one worker that sends its messages one
     * after the other, so that a server that comes back receives its waiting mail in arrival order.
     */
    private void dispatchDue() {
        try {
            List<ClaimedDelivery> claimed;
            do {
                claimed = ledger.claimDue(Instant.now(), DUE_BATCH);
                inArrivalOrderBy(claimed, d -> String.valueOf(d.destination()))
                        .forEach(ofOneDestination -> afterEarlierBatches(String.valueOf(ofOneDestination.get(0).destination()),
                                () -> inArrivalOrderBy(ofOneDestination, ClaimedDelivery::messageId)
                                        .forEach(ofOneMessage -> deliver(() -> ofOneMessage))));
            } while (claimed.size() == DUE_BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not claim due deliveries; trying again in " + pollInterval, e);
        }
    }

    /** Runs a destination's batch after the batches claimed for it earlier, so that arrival order holds across polls. */
    private void afterEarlierBatches(String destination, Runnable batch) {
        CompletableFuture<Void> next = lastBatch.compute(destination, (key, last) ->
                (last == null ? CompletableFuture.<Void>completedFuture(null) : last).thenRunAsync(batch, workers));
        next.whenComplete((done, failure) -> lastBatch.remove(destination, next));
    }

    private static <K> Collection<List<ClaimedDelivery>> inArrivalOrderBy(List<ClaimedDelivery> claimed,
                                                                      Function<ClaimedDelivery, K> key) {
        return claimed.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList())).values();
    }

    private void deliver(Supplier<List<ClaimedDelivery>> claim) {
        try {
            worker.deliver(claim.get());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "delivery failed; the deliveries stay queued and come back when their lease ends", e);
        }
    }
}
