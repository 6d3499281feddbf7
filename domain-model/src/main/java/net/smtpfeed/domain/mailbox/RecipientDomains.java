package net.smtpfeed.domain.mailbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import net.smtpfeed.domain.hosting.DeliveryMode;
import net.smtpfeed.domain.hosting.DeliveryTarget;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.DomainStatus;
import net.smtpfeed.domain.mail.EmailAddress;
import net.smtpfeed.domain.spam.SpamAction;
import net.smtpfeed.domain.spam.SpamLevel;
import net.smtpfeed.domain.spam.SpamPolicy;

/**
 * Finds a recipient's hosted domain and mailbox in one statement, in plain JDBC on the caller's connection, as it is
 * at this moment: a domain made live, suspended or switched in the portal is so for the next RCPT TO, and the mode and
 * the mailboxes come from one moment of the database, which never holds both a feed and mailboxes for a domain. This runs at
 * every RCPT TO, where the ORM's query and entity loading cost five times the statement (8 % of the relay's CPU under
 * load); the columns are those that {@code HostedDomain}, its {@code Destination} and {@code SpamPolicy} map, and the
 * values go through their own constructors and rules.
 */
public final class RecipientDomains {

    private static final String QUERY = """
            SELECT d.id, d.name, d.status, d.delivery_mode, d.destination_host, d.destination_port, d.require_tls,
                   d.greylisting, d.queue_lifetime_seconds, d.spam_checking,
                   d.spam_low_threshold, d.spam_med_threshold, d.spam_high_threshold,
                   d.spam_low_action, d.spam_med_action, d.spam_high_action,
                   d.spam_low_text, d.spam_med_text, d.spam_high_text,
                   (SELECT COUNT(*) FROM mailbox m
                    WHERE m.domain_id = d.id AND (m.local_part = ? OR m.catch_all_domain_id IS NOT NULL)) AS mailboxes
            FROM hosted_domain d WHERE d.name = ?""";

    private final Connection connection;

    public RecipientDomains(Connection connection) {
        this.connection = connection;
    }

    /** The recipient's domain if we host it, whatever its status. */
    public Optional<RecipientDomain> find(EmailAddress recipient) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(QUERY)) {
            query.setString(1, recipient.localPart().toLowerCase(Locale.ROOT));
            query.setString(2, recipient.domain().value());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(domain(row)) : Optional.empty();
            }
        }
    }

    private static RecipientDomain domain(ResultSet row) throws SQLException {
        String host = row.getString("destination_host");
        Destination destination = host == null ? null : new Destination(host, row.getInt("destination_port"));
        DeliveryTarget target = new DeliveryTarget(destination, row.getBoolean("require_tls"),
                DeliveryMode.valueOf(row.getString("delivery_mode")) == DeliveryMode.MAILBOXES);
        Optional<SpamPolicy> spamPolicy = row.getBoolean("spam_checking") ? Optional.of(spamPolicy(row)) : Optional.empty();
        return new RecipientDomain(row.getLong("id"), row.getString("name"), DomainStatus.valueOf(row.getString("status")),
                row.getBoolean("greylisting"), spamPolicy, Duration.ofSeconds(row.getLong("queue_lifetime_seconds")),
                target, row.getLong("mailboxes") > 0);
    }

    private static SpamPolicy spamPolicy(ResultSet row) throws SQLException {
        SpamPolicy policy = SpamPolicy.defaults().withThresholds(row.getDouble("spam_low_threshold"),
                row.getDouble("spam_med_threshold"), row.getDouble("spam_high_threshold"));
        for (SpamLevel level : new SpamLevel[] {SpamLevel.LOW, SpamLevel.MED, SpamLevel.HIGH}) {
            String column = "spam_" + level.name().toLowerCase(Locale.ROOT);
            policy = policy.withAction(level, SpamAction.valueOf(row.getString(column + "_action")))
                    .withSubjectText(level, row.getString(column + "_text"));
        }
        return policy;
    }
}
