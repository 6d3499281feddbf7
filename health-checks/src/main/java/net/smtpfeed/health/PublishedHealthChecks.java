package net.smtpfeed.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Publishes the relay's health checks at /health/ready and /health/live on the management port. WildFly's MicroProfile
 * Health looks for an EAR's checks only among the beans of its lib jars, so they are produced here, each one asking the
 * relay's {@link RelayHealth} bean.
 */
@ApplicationScoped
public class PublishedHealthChecks {

    @EJB(lookup = "java:app/relay-ejb/RelayHealthChecks!net.smtpfeed.health.RelayHealth")
    private RelayHealth relay;

    @Produces
    @Readiness
    HealthCheck migrations() {
        return () -> relay.migrations();
    }

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> relay.database();
    }

    @Produces
    @Readiness
    HealthCheck smtpListener() {
        return () -> relay.smtpListener();
    }

    @Produces
    @Readiness
    HealthCheck clamd() {
        return () -> relay.clamd();
    }

    @Produces
    @Readiness
    HealthCheck deliveryBacklog() {
        return () -> relay.deliveryBacklog();
    }

    @Produces
    @Liveness
    HealthCheck listenerThreads() {
        return () -> relay.listenerThreads();
    }
}
