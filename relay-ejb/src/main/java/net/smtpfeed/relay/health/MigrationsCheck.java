package net.smtpfeed.relay.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/** Ready only when the database's schema is the one this build expects: no migration pending or failed. */
@ApplicationScoped
public class MigrationsCheck implements HealthCheck {

    @Resource(lookup = "java:jboss/datasources/SmtpfeedDS")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try {
            MigrationInfo[] pending = Flyway.configure(getClass().getClassLoader()).dataSource(dataSource)
                    .locations("classpath:db/migration").load().info().pending();
            if (pending.length > 0) {
                return HealthCheckResponse.named("migrations").down().withData("pending", Arrays.stream(pending)
                        .map(m -> m.getVersion() + " " + m.getDescription()).collect(Collectors.joining(", "))).build();
            }
            return HealthCheckResponse.up("migrations");
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("migrations").down().withData("error", RootCause.of(e)).build();
        }
    }
}
