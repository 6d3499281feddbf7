package net.smtpfeed.relay.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Ready only while the database answers: the queue, the greylist and every reply at RCPT TO live there. */
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

    private static final int VALIDATION_SECONDS = 3;

    @Resource(lookup = "java:jboss/datasources/SmtpfeedDS")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS) ? HealthCheckResponse.up("database")
                    : HealthCheckResponse.named("database").down().withData("error", "the connection is not valid").build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("database").down().withData("error", RootCause.of(e)).build();
        }
    }
}
