package net.smtpfeed.relay.filter;

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
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every hour, forgets the greylist entries whose time is over (on every node: the deletes are idempotent). */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class GreylistHousekeeping {

    private static final Logger LOG = Logger.getLogger(GreylistHousekeeping.class.getName());

    @Resource
    private ManagedScheduledExecutorService timer;

    @Inject
    private GreylistFilter greylist;

    private ScheduledFuture<?> purge;

    @PostConstruct
    void start() {
        purge = timer.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        purge.cancel(false);
    }

    private void purge() {
        try {
            int purged = greylist.purge();
            LOG.fine(() -> "greylist: " + purged + " expired entries forgotten");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not purge the greylist; trying again in an hour", e);
        }
    }
}
