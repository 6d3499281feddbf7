package net.smtpfeed.domain.persistence;

import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * The persistence unit's dialect, chosen by smtpfeed.db.driver (the key that chooses the datasource's driver) rather
 * than by asking the database: Hibernate is not allowed to connect while it boots, so that an unreachable database is
 * reported by the relay's start-up check in one line instead of failing the persistence unit with a stack trace.
 *
 * <p>The versions are those the product runs on: the H2 that WildFly ships, and MySQL 8.0, Hibernate's oldest
 * supported MySQL, whose SQL MariaDB 10.11 also speaks.
 */
public class ConfiguredDatabaseDialect implements DialectResolver {

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        String driver = ConfigProvider.getConfig(getClass().getClassLoader())
                .getOptionalValue("smtpfeed.db.driver", String.class).orElse("h2");
        return switch (driver) {
            case "mysql" -> new MySQLDialect(DatabaseVersion.make(8, 0));
            case "h2" -> new H2Dialect(DatabaseVersion.make(2, 2, 224));
            default -> throw new IllegalArgumentException("smtpfeed.db.driver = '" + driver + "': expected h2 or mysql");
        };
    }
}
