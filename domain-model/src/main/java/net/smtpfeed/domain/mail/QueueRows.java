package net.smtpfeed.domain.mail;

import jakarta.persistence.PersistenceUnitUtil;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.spam.SpamMark;

/**
 * The rows that every message writes, in plain JDBC on the caller's connection (inside its transaction): a new
 * message, its deliveries and timeline lines, and a delivery recorded as delivered. These are the hot path of the
 * relay (each message writes them once at intake and once after delivery), where the ORM's persist, flush and query
 * translation cost more CPU than the statements. The values come from the entities built in memory, so that their
 * rules (a copy's expiry, its spam mark, its claim; a line's length) stay in one place; the columns are theirs, in the
 * same UTC the persistence unit writes. Rows written here are not in any persistence context: the caller reads them
 * back, if at all, in a later transaction.
 */
public final class QueueRows {

    private final Connection connection;
    private final PersistenceUnitUtil entities;
    private final Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

    /**
     * @param entities reads the id of a referenced domain without loading it (the id getter of a reference loads it
     *                 where the container asks for JPA's proxy compliance, as WildFly does)
     */
    public QueueRows(Connection connection, PersistenceUnitUtil entities) {
        this.connection = connection;
        this.entities = entities;
    }

    /** A delivery that a worker held under a claim and whose recipient its server accepted. */
    public record Delivered(long deliveryId, String claimToken) {
    }

    /** Inserts a new message; returns its id. The entity itself keeps no id: it is only the row's values. */
    public long insert(MailMessage message) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO mail_message (queue_id, envelope_sender, client_address, helo, size_bytes, received_at)
                VALUES (?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, message.getQueueId());
            insert.setString(2, message.getEnvelopeSender());
            insert.setString(3, message.getClientAddress());
            insert.setString(4, message.getHelo());
            insert.setLong(5, message.getSizeBytes());
            setInstant(insert, 6, message.getReceivedAt());
            insert.executeUpdate();
            return generatedKey(insert);
        }
    }

    /**
     * Inserts new deliveries of a message (its domain may be a reference that is never loaded: only its id is read);
     * returns their ids, in the same order.
     */
    public List<Long> insert(long messageId, List<Delivery> deliveries) throws SQLException {
        List<Long> ids = new ArrayList<>(deliveries.size());
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO delivery (message_id, domain_id, recipient, state, attempts, next_attempt_at, expires_at,
                                      claim_token, leased_until, spam_score, spam_level, spam_action, spam_subject_text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            for (Delivery delivery : deliveries) {
                insert.setLong(1, messageId);
                setDomain(insert, 2, delivery.getDomain());
                insert.setString(3, delivery.getRecipient());
                insert.setString(4, delivery.getState().name());
                insert.setInt(5, delivery.getAttempts());
                setInstant(insert, 6, delivery.getNextAttemptAt());
                setInstant(insert, 7, delivery.getExpiresAt());
                insert.setString(8, delivery.getClaimToken());
                setInstant(insert, 9, delivery.getLeasedUntil());
                SpamMark mark = delivery.getSpamMark().orElse(null);
                if (mark == null) {
                    insert.setNull(10, Types.DOUBLE);
                    insert.setNull(11, Types.VARCHAR);
                    insert.setNull(12, Types.VARCHAR);
                    insert.setNull(13, Types.VARCHAR);
                } else {
                    insert.setDouble(10, mark.score());
                    insert.setString(11, mark.level().name());
                    insert.setString(12, mark.action().name());
                    insert.setString(13, mark.subjectText());
                }
                // One statement per row: generated keys of a batch are not something every driver returns.
                insert.executeUpdate();
                ids.add(generatedKey(insert));
            }
        }
        return ids;
    }

    /** Inserts lines of a message's timeline in one batch (their domains may be references that are never loaded). */
    public void insertEvents(long messageId, List<MessageEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO message_event (message_id, domain_id, occurred_at, stage, outcome, detail)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            for (MessageEvent event : events) {
                insert.setLong(1, messageId);
                setDomain(insert, 2, event.getDomain());
                setInstant(insert, 3, event.getOccurredAt());
                insert.setString(4, event.getStage().name());
                insert.setString(5, event.getOutcome());
                insert.setString(6, event.getDetail());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * What {@link Delivery#delivered} does, in one batch of statements that each touch their row only while the
     * worker's claim still holds it (not once another worker took it over after its lease ended). Returns the rows
     * each statement changed, as the driver reports them.
     */
    public int[] recordDelivered(List<Delivered> deliveries, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE delivery SET state = 'DELIVERED', attempts = attempts + 1, last_error = NULL, completed_at = ?,
                                    claim_token = NULL, leased_until = NULL
                WHERE id = ? AND claim_token = ? AND state = 'DELIVERING'""")) {
            for (Delivered delivered : deliveries) {
                setInstant(update, 1, now);
                update.setLong(2, delivered.deliveryId());
                update.setString(3, delivered.claimToken());
                update.addBatch();
            }
            return update.executeBatch();
        }
    }

    private void setDomain(PreparedStatement statement, int index, HostedDomain domain) throws SQLException {
        if (domain == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, ((Number) entities.getIdentifier(domain)).longValue());
        }
    }

    private void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setTimestamp(index, Timestamp.from(instant), utc);
        }
    }

    private static long generatedKey(PreparedStatement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no key was generated");
            }
            return keys.getLong(1);
        }
    }
}
