package net.smtpfeed.relay.startup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import net.smtpfeed.relay.health.RootCause;
import org.eclipse.microprofile.config.Config;

/**
 * Whether the database lets the relay in, asked once through the datasource before anything starts. The persistence
 * unit does not connect at boot (see persistence.xml), so this is the first connection of the start.
 */
final class DatabaseConnectionCheck {

    private static final String DATASOURCE = "java:jboss/datasources/SmtpfeedDS";
    /** SQLSTATE class 28, "invalid authorization specification": MySQL's and H2's code for a refused login. */
    private static final String REFUSED_LOGIN = "28";

    private DatabaseConnectionCheck() {
    }

    /** The problem as one line naming smtpfeed.db.user (a refused login) or smtpfeed.db.url, with the database's words. */
    static Optional<String> problem(Config config) {
        String url = config.getOptionalValue("smtpfeed.db.url", String.class)
                .orElse("the embedded H2 database in smtpfeed.data-dir");
        try (Connection ignored = ((DataSource) new InitialContext().lookup(DATASOURCE)).getConnection()) {
            return Optional.empty();
        } catch (SQLException | NamingException e) {
            String said = "; it said: " + RootCause.of(e);
            if (refusedLogin(e)) {
                return Optional.of(ConfigurationRules.line("smtpfeed.db.user",
                        config.getOptionalValue("smtpfeed.db.user", String.class).orElse("sa"),
                        "expected a user that " + url + " lets in with smtpfeed.db.password" + said));
            }
            return Optional.of(ConfigurationRules.line("smtpfeed.db.url", url,
                    "expected a database that accepts smtpfeed.db.user's connection" + said));
        }
    }

    private static boolean refusedLogin(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(REFUSED_LOGIN)) {
                return true;
            }
        }
        return false;
    }
}
