package net.smtpfeed.relay.housekeeping;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.smtpfeed.relay.filter.GreylistFilter;
import net.smtpfeed.relay.queue.QuarantineService;

/**
 * Every hour, forgets what has outlived its time: greylist entries, and quarantined copies nobody released. On every
 * node: the statements are idempotent.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

    @Resource
    private ManagedScheduledExecutorService timer;

    @Inject
    private GreylistFilter greylist;

    @Inject
    private QuarantineService quarantine;

    private ScheduledFuture<?> hourly;

    @PostConstruct
    void start() {
        hourly = timer.scheduleWithFixedDelay(this::run, 1, 60, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        hourly.cancel(false);
    }

    private void run() {
        purge("expired greylist entries forgotten", greylist::purge);
        purge("quarantined copies purged after their quarantine", quarantine::purge);
    }

    private static void purge(String what, IntSupplier purge) {
        try {
            int purged = purge.getAsInt();
            LOG.fine(() -> purged + " " + what);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "housekeeping failed (" + what + "); trying again in an hour", e);
        }
    }
}
