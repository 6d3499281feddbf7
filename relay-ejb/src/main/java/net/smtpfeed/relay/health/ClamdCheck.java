package net.smtpfeed.relay.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Ready only while clamd answers, where one is configured: without a verdict every message gets 451, so a node whose
 * clamd is gone should get no mail. Without clamd (the built-in scanner) there is nothing to wait for.
 */
@ApplicationScoped
public class ClamdCheck implements HealthCheck {

    @Inject
    ScannerProbes scanners;

    @Override
    public HealthCheckResponse call() {
        return scanners.clamd().map(clamd -> clamd.reachable()
                        ? HealthCheckResponse.named("clamd").up().withData("address", clamd.address()).build()
                        : HealthCheckResponse.named("clamd").down().withData("address", clamd.address())
                                .withData("error", clamd.problem()).build())
                .orElseGet(() -> HealthCheckResponse.named("clamd").up().withData("address", "not configured").build());
    }
}
