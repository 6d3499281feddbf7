package net.smtpfeed.domain.persistence;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The database the persistence tests run on: an in-memory H2 by default, MySQL when the build passes test.db.url
 * (the mysql profile). It is emptied and migrated with the product's own Flyway scripts, demo seed included.
 */
final class TestDatabase {

    private final String url;
    private final String user;
    private final String password;

    private TestDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    static TestDatabase fromBuild() {
        String url = System.getProperty("test.db.url", "");
        if (url.isBlank()) {
            return new TestDatabase("jdbc:h2:mem:smtpfeed;DB_CLOSE_DELAY=-1", "sa", "sa");
        }
        return new TestDatabase(url, System.getProperty("test.db.user", "root"), System.getProperty("test.db.password", ""));
    }

    TestDatabase migratedFresh() {
        emptied().migrated();
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/demo").table("flyway_demo_history")
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        return this;
    }

    TestDatabase emptied() {
        schema().cleanDisabled(false).load().clean();
        return this;
    }

    /** Migrated up to the given version only: the schema a relay of that version left behind. */
    TestDatabase migratedTo(String version) {
        schema().target(version).load().migrate();
        return this;
    }

    /** The migrations not applied yet, applied. */
    TestDatabase migrated() {
        schema().load().migrate();
        return this;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private FluentConfiguration schema() {
        return Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration");
    }

    EntityManagerFactory entityManagerFactory() {
        return Persistence.createEntityManagerFactory("smtpfeed-test", Map.of(
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", password));
    }
}
