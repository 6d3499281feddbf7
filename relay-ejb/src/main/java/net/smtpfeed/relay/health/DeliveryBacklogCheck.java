package net.smtpfeed.relay.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import net.smtpfeed.relay.metrics.QueueCensus;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Ready only while the workers keep up: no copy has been due for longer than {@code smtpfeed.health.max-delivery-delay}
 * without being tried. A customer's server being down does not count (its copies are deferred to a later time).
 */
@ApplicationScoped
public class DeliveryBacklogCheck implements HealthCheck {

    @Inject
    @ConfigProperty(name = "smtpfeed.health.max-delivery-delay", defaultValue = "PT10M")
    Duration maxDelay;

    @Inject
    QueueCensus census;

    @Override
    public HealthCheckResponse call() {
        Instant now = Instant.now();
        try {
            long overdueSeconds = census.oldestDueSince(now).map(due -> Duration.between(due, now).toSeconds()).orElse(0L);
            var response = HealthCheckResponse.named("delivery-backlog").withData("oldest-due-seconds", overdueSeconds)
                    .withData("max-seconds", maxDelay.toSeconds());
            return (overdueSeconds <= maxDelay.toSeconds() ? response.up() : response.down()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("delivery-backlog").down().withData("error", RootCause.of(e)).build();
        }
    }
}
