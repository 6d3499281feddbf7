package net.smtpfeed.relay.health;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import net.smtpfeed.health.RelayHealth;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Runs the relay's checks, each outside any transaction (a check of the database must not need one to answer). */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RelayHealthChecks implements RelayHealth {

    @Inject
    MigrationsCheck migrations;

    @Inject
    DatabaseCheck database;

    @Inject
    SmtpListenerCheck smtpListener;

    @Inject
    ClamdCheck clamd;

    @Inject
    DeliveryBacklogCheck deliveryBacklog;

    @Inject
    ListenerThreadsCheck listenerThreads;

    @Override
    public HealthCheckResponse migrations() {
        return migrations.call();
    }

    @Override
    public HealthCheckResponse database() {
        return database.call();
    }

    @Override
    public HealthCheckResponse smtpListener() {
        return smtpListener.call();
    }

    @Override
    public HealthCheckResponse clamd() {
        return clamd.call();
    }

    @Override
    public HealthCheckResponse deliveryBacklog() {
        return deliveryBacklog.call();
    }

    @Override
    public HealthCheckResponse listenerThreads() {
        return listenerThreads.call();
    }
}
