package net.smtpfeed.relay.startup;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import net.smtpfeed.relay.health.RootCause;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Before the schema is migrated: the database must answer. When it does not, the start stops with one line naming
 * smtpfeed.db.url and what the database (or the network) said, instead of the connection pool's stack traces.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseAtStart {

    private static final Logger LOG = Logger.getLogger(DatabaseAtStart.class.getName());

    @Resource(lookup = "java:jboss/datasources/SmtpfeedDS")
    private DataSource dataSource;

    @Inject
    @ConfigProperty(name = "smtpfeed.db.url")
    Optional<String> url;

    @PostConstruct
    void connect() {
        try (Connection ignored = dataSource.getConnection()) {
            LOG.fine("database reachable");
        } catch (SQLException e) {
            String problem = ConfigurationRules.line("smtpfeed.db.url", url.orElse("the embedded H2 database"),
                    "expected a database that accepts smtpfeed.db.user's connection; it said: " + RootCause.of(e));
            LOG.severe(ConfigurationValidation.PREFIX + problem);
            throw new IllegalStateException("no database, see the line before", e);
        }
    }
}
