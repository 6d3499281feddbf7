package net.smtpfeed.e2e;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
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
        String name = "e2e-" + System.currentTimeMillis() + "-" + DOMAINS.incrementAndGet() + ".example";
        try (Connection db = connect(); PreparedStatement insert = db.prepareStatement("""
                INSERT INTO hosted_domain (name, customer_id, status, delivery_mode, destination_host, destination_port,
                                           greylisting, spam_checking, queue_lifetime_seconds, created_at)
                SELECT ?, customer_id, 'ACTIVE', 'FEED', '127.0.0.1', ?, FALSE, FALSE, ?, CURRENT_TIMESTAMP
                FROM portal_user WHERE username = ?""")) {
            insert.setString(1, name);
            insert.setInt(2, destinationPort);
            insert.setLong(3, queueLifetime.toSeconds());
            insert.setString(4, owner);
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

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("e2e.db.url"), System.getProperty("e2e.db.user"),
                System.getProperty("e2e.db.password"));
    }
}
