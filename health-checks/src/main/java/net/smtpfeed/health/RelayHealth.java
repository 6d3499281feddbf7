package net.smtpfeed.health;

import jakarta.ejb.Local;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The relay's health checks, each response named for what it checks and saying what failed. The relay implements it;
 * {@link PublishedHealthChecks} publishes them.
 */
@Local
public interface RelayHealth {

    /** Ready: the database's schema is the one this build expects. */
    HealthCheckResponse migrations();

    /** Ready: the database answers. */
    HealthCheckResponse database();

    /** Ready: the SMTP listener accepts connections. */
    HealthCheckResponse smtpListener();

    /** Ready: clamd answers, where one is configured. */
    HealthCheckResponse clamd();

    /** Ready: no copy has waited too long for a worker. */
    HealthCheckResponse deliveryBacklog();

    /** Alive: the SMTP listener's acceptor thread runs. */
    HealthCheckResponse listenerThreads();
}
