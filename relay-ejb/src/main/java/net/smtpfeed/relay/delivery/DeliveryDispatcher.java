package net.smtpfeed.relay.delivery;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.smtpfeed.relay.queue.MessageAccepted;
import net.smtpfeed.relay.queue.QueueLedger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands messages to delivery workers: a newly accepted one at once, when its transaction has committed; and, on a
 * timer, whatever is due again (retries, and deliveries whose worker died before recording an outcome).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class.getName());
    private static final int DUE_BATCH = 500;

    @Resource
    private ManagedExecutorService workers;

    @Resource
    private ManagedScheduledExecutorService timer;

    @Inject
    private DeliveryWorker worker;

    @Inject
    private QueueLedger ledger;

    @Inject
    @ConfigProperty(name = "smtpfeed.queue.poll-interval", defaultValue = "PT15S")
    Duration pollInterval;

    private ScheduledFuture<?> poll;

    @PostConstruct
    void start() {
        poll = timer.scheduleWithFixedDelay(this::dispatchDue, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        poll.cancel(false);
    }

    public void onAccepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageAccepted accepted) {
        dispatch(accepted.messageId());
    }

    private void dispatchDue() {
        try {
            ledger.dueMessages(Instant.now(), DUE_BATCH).forEach(this::dispatch);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not read the due deliveries; trying again in " + pollInterval, e);
        }
    }

    private void dispatch(long messageId) {
        workers.execute(() -> {
            try {
                worker.deliver(messageId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "delivery of message " + messageId + " failed; it stays queued", e);
            }
        });
    }
}
