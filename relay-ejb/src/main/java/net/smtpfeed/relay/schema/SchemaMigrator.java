package net.smtpfeed.relay.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * Brings the database to the schema this build expects before anything else starts, and in demo mode seeds the
 * demo data once (its own history table, so a second start, or a database that already holds it, adds nothing).
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "java:jboss/datasources/SmtpfeedDS")
    private DataSource dataSource;

    @Inject
    @ConfigProperty(name = "smtpfeed.demo", defaultValue = "false")
    private boolean demo;

    @PostConstruct
    void migrate() {
        ClassLoader classLoader = getClass().getClassLoader();
        var schema = Flyway.configure(classLoader).dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        LOG.info(() -> "schema at version " + schema.targetSchemaVersion + " (" + schema.migrationsExecuted + " migrations run)");
        if (demo) {
            var seed = Flyway.configure(classLoader).dataSource(dataSource).locations("classpath:db/demo")
                    .table("flyway_demo_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();
            LOG.info(() -> "demo mode: " + (seed.migrationsExecuted > 0 ? "demo data seeded" : "demo data already present"));
        }
    }
}
