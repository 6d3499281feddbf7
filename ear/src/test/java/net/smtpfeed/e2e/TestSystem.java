package net.smtpfeed.e2e;

import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import net.smtpfeed.relay.testing.SmtpConversation;

/**
 * Where the deployed product is (its SMTP and HTTP ports) and the test's own way into its database, used only to
 * set up hosted domains that point at the sink a test runs, and to read what the queue recorded.
 */
final class TestSystem {

    private static final AtomicInteger DOMAINS = new AtomicInteger();

    private TestSystem() {
    }

    static int smtpPort() {
        return Integer.getInteger("e2e.smtp-port");
    }

    static String portalUrl(String path) {
        return "http://127.0.0.1:" + Integer.getInteger("e2e.http-port") + path;
    }

    /** One SMTP transaction with the deployed relay, as a sending server would; returns the reply to the final dot. */
    static String sendMail(String recipient, String message) throws IOException {
        return sendMail("sender@elsewhere.example", recipient, message);
    }

    static String sendMail(String sender, String recipient, String message) throws IOException {
        try (SmtpConversation smtp = SmtpConversation.open("127.0.0.1", smtpPort())) {
            smtp.send("EHLO mx.elsewhere.example");
            return smtp.sendMail(sender, recipient, message);
        }
    }

    /** The queue id of a "250 2.0.0 Ok: queued as ID" reply. */
    static String queueId(String reply) {
        return reply.substring(reply.lastIndexOf(' ') + 1);
    }

    /** A new active feed domain owned by the given portal user's customer, relaying to 127.0.0.1 at the port. */
    static String hostedDomain(String owner, int destinationPort) throws SQLException {
        return hostedDomain(owner, destinationPort, Duration.ofDays(2));
    }

    static String hostedDomain(String owner, int destinationPort, Duration queueLifetime) throws SQLException {
        return hostedDomain(owner, destinationPort, queueLifetime, false, false);
    }

    /** A new domain of the owner's customer with greylisting on, as a feed gets it by default. */
    static String greylistingDomain(String owner, int destinationPort) throws SQLException {
        return hostedDomain(owner, destinationPort, Duration.ofDays(2), true, false);
    }

    /** A new domain of the owner's customer with spam checking on, at the product's default thresholds and actions. */
    static String spamCheckingDomain(String owner, int destinationPort) throws SQLException {
        return hostedDomain(owner, destinationPort, Duration.ofDays(2), false, true);
    }

    /** Changes what a domain does with mail of one spam level (low, med, high), as the portal would. */
    static void spamAction(String domain, String level, String action) throws SQLException {
        String column = switch (level) {
            case "low", "med", "high" -> "spam_" + level + "_action";
            default -> throw new IllegalArgumentException("no spam level " + level);
        };
        try (Connection db = connect();
             PreparedStatement update = db.prepareStatement("UPDATE hosted_domain SET " + column + " = ? WHERE name = ?")) {
            update.setString(1, action);
            update.setString(2, domain);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no hosted domain " + domain);
            }
        }
    }

    /** As {@link #hostedDomain(String, int)}, its name starting with the prefix: for a test that finds it again by that. */
    static String hostedDomainNamed(String prefix, String owner, int destinationPort) throws SQLException {
        return hostedDomain(prefix, owner, destinationPort, Duration.ofDays(2), false, false);
    }

    private static String hostedDomain(String owner, int destinationPort, Duration queueLifetime, boolean greylisting,
                                       boolean spamChecking) throws SQLException {
        return hostedDomain("e2e", owner, destinationPort, queueLifetime, greylisting, spamChecking);
    }

    private static String hostedDomain(String prefix, String owner, int destinationPort, Duration queueLifetime,
                                       boolean greylisting, boolean spamChecking) throws SQLException {
        String name = prefix + "-" + System.currentTimeMillis() + "-" + DOMAINS.incrementAndGet() + ".example";
        try (Connection db = connect(); PreparedStatement insert = db.prepareStatement("""
                INSERT INTO hosted_domain (name, customer_id, status, delivery_mode, destination_host, destination_port,
                                           greylisting, spam_checking, queue_lifetime_seconds, created_at)
                SELECT ?, customer_id, 'ACTIVE', 'FEED', '127.0.0.1', ?, ?, ?, ?, CURRENT_TIMESTAMP
                FROM portal_user WHERE username = ?""")) {
            insert.setString(1, name);
            insert.setInt(2, destinationPort);
            insert.setBoolean(3, greylisting);
            insert.setBoolean(4, spamChecking);
            insert.setLong(5, queueLifetime.toSeconds());
            insert.setString(6, owner);
            if (insert.executeUpdate() != 1) {
                throw new IllegalStateException("no portal user " + owner);
            }
        }
        return name;
    }

    /** The queue state of the one delivery of the message with this queue id, and its last error. */
    static String deliveryState(String queueId) throws SQLException {
        try (Connection db = connect(); PreparedStatement select = db.prepareStatement("""
                SELECT d.state, d.last_error FROM delivery d JOIN mail_message m ON m.id = d.message_id
                WHERE m.queue_id = ?""")) {
            select.setString(1, queueId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) + (row.getString(2) == null ? "" : ": " + row.getString(2)) : "NONE";
            }
        }
    }

    /** The message's timeline as "STAGE OUTCOME detail" lines, in the order they happened. */
    static List<String> timeline(String queueId) throws SQLException {
        return lines("""
                SELECT e.stage, e.outcome, e.detail FROM message_event e JOIN mail_message m ON m.id = e.message_id
                WHERE m.queue_id = ? ORDER BY e.occurred_at, e.id""", queueId);
    }

    /** The messages refused for a domain after DATA, as "sender client stage reason" lines. */
    static List<String> refusalsOf(String domain) throws SQLException {
        return lines("""
                SELECT r.sender, r.client_address, r.stage, r.reason FROM refusal r JOIN hosted_domain d ON d.id = r.domain_id
                WHERE d.name = ? ORDER BY r.id""", domain);
    }

    /** The audit log's entries about a subject ("domain x.example"), oldest first, as "actor change old new" lines. */
    static List<String> auditOf(String subject) throws SQLException {
        return lines("SELECT actor, change_name, old_value, new_value FROM audit_entry WHERE subject = ? ORDER BY id",
                subject);
    }

    private static List<String> lines(String query, String parameter) throws SQLException {
        try (Connection db = connect(); PreparedStatement select = db.prepareStatement(query)) {
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                List<String> lines = new ArrayList<>();
                while (rows.next()) {
                    StringBuilder line = new StringBuilder();
                    for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                        line.append(column > 1 ? " " : "").append(rows.getString(column));
                    }
                    lines.add(line.toString());
                }
                return lines;
            }
        }
    }

    /** How long the queue keeps the one delivery of the message with this queue id: from its arrival to its expiry. */
    static Duration keptInQueueFor(String queueId) throws SQLException {
        try (Connection db = connect(); PreparedStatement select = db.prepareStatement("""
                SELECT m.received_at, d.expires_at FROM delivery d JOIN mail_message m ON m.id = d.message_id
                WHERE m.queue_id = ?""")) {
            select.setString(1, queueId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return Duration.between(row.getObject(1, LocalDateTime.class), row.getObject(2, LocalDateTime.class));
            }
        }
    }

    /** Waits until the message's delivery reaches a state (its text starts with the given one), then returns it. */
    static String awaitDeliveryState(String queueId, String state, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String current = deliveryState(queueId);
        while (!current.startsWith(state) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            current = deliveryState(queueId);
        }
        return current;
    }

    /**
     * Puts the domain's waiting mail and its server's "down" status off until the given time, as if the retry schedule
     * had reached a step that long (the test server's steps are seconds). Returns once every waiting delivery of the
     * domain is deferred until then, none being tried by a worker.
     */
    static void putOffRetries(String domain, Instant until) throws Exception {
        LocalDateTime putOff = utc(until.truncatedTo(ChronoUnit.SECONDS));
        try (Connection db = connect(); PreparedStatement putOffDeliveries = db.prepareStatement("""
                UPDATE delivery SET next_attempt_at = ?
                WHERE domain_id = (SELECT id FROM hosted_domain WHERE name = ?) AND state = 'DEFERRED'""");
             PreparedStatement putOffServer = db.prepareStatement("""
                UPDATE destination_status SET next_attempt_at = ?
                WHERE destination = (SELECT CONCAT(destination_host, ':', destination_port) FROM hosted_domain WHERE name = ?)""");
             PreparedStatement notPutOff = db.prepareStatement("""
                SELECT COUNT(*) FROM delivery
                WHERE domain_id = (SELECT id FROM hosted_domain WHERE name = ?)
                  AND (state IN ('QUEUED', 'DELIVERING') OR (state = 'DEFERRED' AND next_attempt_at < ?))""")) {
            Instant deadline = Instant.now().plusSeconds(30);
            int remaining;
            do {
                for (PreparedStatement update : List.of(putOffDeliveries, putOffServer)) {
                    update.setObject(1, putOff);
                    update.setString(2, domain);
                    update.executeUpdate();
                }
                notPutOff.setString(1, domain);
                notPutOff.setObject(2, putOff);
                try (ResultSet count = notPutOff.executeQuery()) {
                    count.next();
                    remaining = count.getInt(1);
                }
                if (remaining > 0) {
                    Thread.sleep(100);
                }
            } while (remaining > 0 && Instant.now().isBefore(deadline));
            if (remaining > 0) {
                throw new IllegalStateException(remaining + " deliveries of " + domain + " could not be put off");
            }
        }
    }

    /** The product stores its times in UTC (hibernate.jdbc.time_zone). */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The id of the mailbox of that address (issue 6), as the customer's webmail addresses name it. */
    static long mailboxId(String address) throws SQLException {
        try (Connection db = connect(); PreparedStatement select = db.prepareStatement("""
                SELECT m.id FROM mailbox m JOIN hosted_domain d ON d.id = m.domain_id
                WHERE CONCAT(m.local_part, '@', d.name) = ?""")) {
            select.setString(1, address);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no mailbox " + address);
                }
                return row.getLong(1);
            }
        }
    }

    /**
     * A new portal user with that password, of the same customer as {@code colleagueOf} (or staff when it is null),
     * hashed as Jakarta Security's PBKDF2 does it; returns the user name, made unique from the given prefix.
     */
    static String portalUser(String prefix, String password, String role, String colleagueOf) throws Exception {
        String username = prefix + "-" + System.currentTimeMillis() + "-" + DOMAINS.incrementAndGet() + "@users.example";
        try (Connection db = connect(); PreparedStatement insert = db.prepareStatement("""
                INSERT INTO portal_user (username, password_hash, role, customer_id, display_name)
                VALUES (?, ?, ?, (SELECT customer_id FROM portal_user WHERE username = ?), ?)""")) {
            insert.setString(1, username);
            insert.setString(2, pbkdf2(password));
            insert.setString(3, role);
            insert.setString(4, colleagueOf);
            insert.setString(5, "Test " + prefix);
            insert.executeUpdate();
        }
        return username;
    }

    /** A new customer with one user, its administrator, who has that password; returns the user name. */
    static String newCustomerAdministrator(String prefix, String password) throws Exception {
        String customer = prefix + " " + System.currentTimeMillis() + "-" + DOMAINS.incrementAndGet() + " Ltd";
        try (Connection db = connect();
             PreparedStatement insert = db.prepareStatement("INSERT INTO customer (name, created_at) VALUES (?, CURRENT_TIMESTAMP)")) {
            insert.setString(1, customer);
            insert.executeUpdate();
        }
        String username = prefix + "-" + System.currentTimeMillis() + "-" + DOMAINS.incrementAndGet() + "@users.example";
        try (Connection db = connect(); PreparedStatement insert = db.prepareStatement("""
                INSERT INTO portal_user (username, password_hash, role, customer_id, display_name)
                SELECT ?, ?, 'CUSTOMER_ADMIN', id, ? FROM customer WHERE name = ?""")) {
            insert.setString(1, username);
            insert.setString(2, pbkdf2(password));
            insert.setString(3, "Test " + prefix);
            insert.setString(4, customer);
            insert.executeUpdate();
        }
        return username;
    }

    static boolean portalUserExists(String username) throws SQLException {
        return !lines("SELECT username FROM portal_user WHERE username = ?", username).isEmpty();
    }

    /** The role a portal user has now, or "NONE". */
    static String roleOf(String username) throws SQLException {
        List<String> roles = lines("SELECT role FROM portal_user WHERE username = ?", username);
        return roles.isEmpty() ? "NONE" : roles.get(0);
    }

    /** The customer requests filed for a domain, as "submitter type" lines. */
    static List<String> customerRequestsFor(String domain) throws SQLException {
        return lines("""
                SELECT r.requested_by, r.request_type FROM customer_request r JOIN hosted_domain d ON d.id = r.domain_id
                WHERE d.name = ? ORDER BY r.id""", domain);
    }

    /** A domain's two switches, as "spam checking on, greylisting off". */
    static String switchesOf(String domain) throws SQLException {
        return lines("""
                SELECT CASE WHEN spam_checking THEN 'spam checking on,' ELSE 'spam checking off,' END,
                       CASE WHEN greylisting THEN 'greylisting on' ELSE 'greylisting off' END
                FROM hosted_domain WHERE name = ?""", domain).get(0);
    }

    /** The client addresses the portal noted for the account's failed logins, oldest first. */
    static List<String> loginFailureAddresses(String account) throws SQLException {
        return lines("SELECT client_address FROM login_failure WHERE account = ? ORDER BY id", account);
    }

    /** A relay node row as another node sharing the database would have left it, last seen at that time. */
    static void relayNodeLastSeen(String name, Instant lastSeen) throws SQLException {
        try (Connection db = connect(); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO relay_node (name, version, started_at, last_seen_at) VALUES (?, 'test', ?, ?)")) {
            insert.setString(1, name);
            insert.setObject(2, utc(lastSeen));
            insert.setObject(3, utc(lastSeen));
            insert.executeUpdate();
        }
    }

    private static String pbkdf2(String password) throws Exception {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 210_000, 256)).getEncoded();
        return "PBKDF2WithHmacSHA256:210000:" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash);
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("e2e.db.url"), System.getProperty("e2e.db.user"),
                System.getProperty("e2e.db.password"));
    }
}
