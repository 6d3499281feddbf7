package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import net.smtpfeed.relay.filter.SpamTestMessages;
import net.smtpfeed.relay.testing.FreePorts;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The quarantine in the portal: a message that a domain's spam settings deleted waits there, its customer (and
 * staff) see it, and a release sends it to the customer's server after all, marked as spam. Nobody else sees it.
 */
@ExtendWith(ArquillianExtension.class)
class QuarantineIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final DateTimeFormatter PAGE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final AtomicInteger COPIES = new AtomicInteger();

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void gtubeSentOverSmtpWaitsInQuarantineAndTheCustomersReleaseDeliversItMarkedAsSpam() throws Exception {
        try (CustomerMailServer customerServer = CustomerMailServer.start(); Browser browser = new Browser()) {
            String domain = TestSystem.spamCheckingDomain("customer", customerServer.port());
            Held held = sentOverSmtp("promo@shop.example", "alice@" + domain, SpamTestMessages.gtube());

            browser.logIn("customer", "customer").click(By.id("nav-quarantine"));
            browser.awaitPath("/customer/quarantine.xhtml");
            assertEquals(PAGE_TIME.format(held.receivedAt()), browser.text(cell(held, "received")));
            assertEquals("promo@shop.example", browser.text(cell(held, "sender")));
            assertEquals(domain, browser.text(cell(held, "domain")));
            assertEquals("1,000.0", browser.text(cell(held, "score")), "as the page writes numbers");
            assertEquals("high", browser.text(cell(held, "level")));
            assertEquals(PAGE_TIME.format(held.purgedAt()), browser.text(cell(held, "purged-on")));
            browser.screenshot("quarantine-customer");
            assertEquals(List.of(), customerServer.received(), "a message in quarantine is not delivered");

            browser.click(releaseButton(held));

            assertEquals("Released the message from promo@shop.example to " + held.recipient()
                            + ": it is being delivered now, marked with X-Spam headers.",
                    browser.awaitText(By.id("feedback"), "Released the message"));
            browser.screenshot("quarantine-customer-released");
            assertFalse(browser.text(By.id("quarantine:copies")).contains(held.recipient()), "no longer in quarantine");

            List<CustomerMailServer.Received> received = customerServer.awaitMessages(1, TIMEOUT);
            assertEquals(1, received.size(), "the customer's server got the released message");
            assertEquals(List.of(held.recipient()), received.get(0).recipients());
            String data = received.get(0).data();
            assertTrue(data.contains("X-Spam-Flag: YES\r\n"), data);
            assertTrue(data.contains("X-Spam-Level: high\r\n"), data);
            assertTrue(data.contains("X-Spam-Score: 1000.0\r\n"), data);
            assertTrue(data.contains("Subject: Test spam mail (GTUBE)\r\n"), "released, so not tagged in its subject:\n" + data);
            assertEquals("DELIVERED", TestSystem.awaitDeliveryState(held.queueId(), "DELIVERED", TIMEOUT));

            browser.open("/customer/message.xhtml?id=" + held.queueId());
            String timeline = browser.text(By.id("timeline"));
            assertTrue(timeline.contains("Quarantine RELEASED " + held.recipient() + " released by customer"),
                    "the message's timeline says who released it:\n" + timeline);
            assertTrue(timeline.contains("Delivery DELIVERED " + held.recipient()), timeline);
            browser.screenshot("quarantine-released-timeline");
            assertEquals(List.of("customer quarantine release null " + held.queueId() + " to " + held.recipient()),
                    TestSystem.auditOf("domain " + domain), "the release is in the audit log");
        }
    }

    @Test
    void eachCustomerSeesOnlyTheirOwnDomainsQuarantineAndStaffSeeEveryDomains() throws Exception {
        Held customers = quarantine("bob@" + TestSystem.hostedDomain("customer", FreePorts.any()),
                "offers@bulk.example", "Cheap watches", 15.2, "HIGH");
        Held others = quarantine("olga@" + TestSystem.hostedDomain("other", FreePorts.any()),
                "offers@bulk.example", "Cheap watches", 7.0, "MED");

        try (Browser browser = new Browser()) {
            browser.logIn("other", "other").click(By.id("nav-quarantine"));
            String page = browser.text(By.id("quarantine:copies"));
            browser.screenshot("quarantine-other-customer");
            assertTrue(page.contains(others.recipient()), "their own:\n" + page);
            assertEquals("med", browser.text(cell(others, "level")));
            assertFalse(page.contains(customers.recipient()), "never another customer's:\n" + page);

            browser.open("/staff/quarantine.xhtml");
            assertTrue(browser.pageText().contains("No access"), "a customer cannot open the staff page");
        }

        try (Browser browser = new Browser()) {
            browser.logIn("staff", "staff").click(By.id("nav-staff-quarantine"));
            browser.awaitPath("/staff/quarantine.xhtml");
            assertEquals(customers.domain(), browser.text(cell(customers, "domain")));
            assertEquals("15.2", browser.text(cell(customers, "score")));
            assertEquals(others.domain(), browser.text(cell(others, "domain")));
            assertEquals("7.0", browser.text(cell(others, "score")));
            browser.screenshot("quarantine-staff");

            browser.open("/customer/quarantine.xhtml");
            assertTrue(browser.pageText().contains("No access"), "the customer page is for customers");
        }
    }

    @Test
    void aMessagePurgedWhileThePageWasOpenIsNoLongerInQuarantineWhenReleased() throws Exception {
        Held held = quarantine("carol@" + TestSystem.hostedDomain("customer", FreePorts.any()),
                "", "Undeliverable: your order", 11.0, "HIGH");

        try (Browser browser = new Browser()) {
            browser.logIn("staff", "staff").open("/staff/quarantine.xhtml");
            assertEquals("<>", browser.text(cell(held, "sender")), "the null sender as SMTP writes it");
            purge(held);

            browser.click(releaseButton(held));

            assertEquals("The message from <> to " + held.recipient()
                            + " is no longer in quarantine: it was released or purged in the meantime.",
                    browser.awaitText(By.id("feedback"), "no longer in quarantine"));
            browser.screenshot("quarantine-staff-gone");
            assertFalse(browser.text(By.id("quarantine:copies")).contains(held.recipient()));
            assertEquals("DISCARDED", TestSystem.deliveryState(held.queueId()).replaceFirst(":.*", ""));
        }
    }

    /** A copy in quarantine as the relay keeps it when its domain's spam action is delete. */
    private record Held(String queueId, String recipient, String domain, Instant receivedAt, Instant purgedAt) {
    }

    /** A message sent over SMTP to a domain whose spam action put it into quarantine. */
    private static Held sentOverSmtp(String sender, String recipient, String message) throws Exception {
        String reply = TestSystem.sendMail(sender, recipient, message);
        assertTrue(reply.startsWith("250 "), reply);
        String queueId = TestSystem.queueId(reply);
        assertEquals("QUARANTINED", TestSystem.deliveryState(queueId));
        try (Connection db = connect(); PreparedStatement select = db.prepareStatement("""
                SELECT m.received_at, d.expires_at FROM delivery d JOIN mail_message m ON m.id = d.message_id
                WHERE m.queue_id = ?""")) {
            select.setString(1, queueId);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return new Held(queueId, recipient, recipient.substring(recipient.indexOf('@') + 1),
                        row.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        row.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC));
            }
        }
    }

    /**
     * Puts one recipient's copy of a message into quarantine, as the relay does at the end of DATA when the
     * recipient's domain deletes mail of that level: the message, its bytes, and its delivery, held for 7 days.
     */
    private static Held quarantine(String recipient, String sender, String subject, double score, String level)
            throws SQLException {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant purgedAt = receivedAt.plus(Duration.ofDays(7));
        String queueId = ("Q" + Long.toString(System.currentTimeMillis(), 36) + COPIES.incrementAndGet())
                .toUpperCase(Locale.ROOT);
        String domain = recipient.substring(recipient.indexOf('@') + 1);
        byte[] content = ("From: " + (sender.isEmpty() ? "MAILER-DAEMON@shop.example" : sender) + "\r\n"
                + "To: " + recipient + "\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + queueId + "@e2e.example>\r\n"
                + "\r\n"
                + "Limited offer, act now.\r\n").getBytes(StandardCharsets.US_ASCII);
        try (Connection db = connect();
             PreparedStatement message = db.prepareStatement("""
                     INSERT INTO mail_message (queue_id, envelope_sender, client_address, helo, size_bytes, received_at)
                     VALUES (?, ?, '192.0.2.7', 'mx.bulk.example', ?, ?)""", Statement.RETURN_GENERATED_KEYS);
             PreparedStatement chunk = db.prepareStatement(
                     "INSERT INTO message_chunk (message_id, seq, bytes) VALUES (?, 0, ?)");
             PreparedStatement delivery = db.prepareStatement("""
                     INSERT INTO delivery (message_id, domain_id, recipient, state, attempts, next_attempt_at, expires_at,
                                           spam_score, spam_level, spam_action)
                     SELECT ?, id, ?, 'QUARANTINED', 0, ?, ?, ?, ?, 'DELETE' FROM hosted_domain WHERE name = ?""")) {
            message.setString(1, queueId);
            message.setString(2, sender);
            message.setLong(3, content.length);
            message.setObject(4, utc(receivedAt));
            message.executeUpdate();
            long messageId;
            try (ResultSet keys = message.getGeneratedKeys()) {
                keys.next();
                messageId = keys.getLong(1);
            }
            chunk.setLong(1, messageId);
            chunk.setBytes(2, content);
            chunk.executeUpdate();
            delivery.setLong(1, messageId);
            delivery.setString(2, recipient);
            delivery.setObject(3, utc(receivedAt));
            delivery.setObject(4, utc(purgedAt));
            delivery.setDouble(5, score);
            delivery.setString(6, level);
            delivery.setString(7, domain);
            if (delivery.executeUpdate() != 1) {
                throw new IllegalStateException("no hosted domain " + domain);
            }
        }
        return new Held(queueId, recipient, domain, receivedAt, purgedAt);
    }

    /** What the relay's hourly housekeeping does to a copy whose quarantine is over. */
    private static void purge(Held held) throws SQLException {
        try (Connection db = connect(); PreparedStatement purge = db.prepareStatement("""
                UPDATE delivery SET state = 'DISCARDED', completed_at = ?, last_error = 'purged from quarantine unreleased'
                WHERE recipient = ? AND state = 'QUARANTINED'""")) {
            purge.setObject(1, utc(Instant.now()));
            purge.setString(2, held.recipient());
            assertEquals(1, purge.executeUpdate());
        }
    }

    /** The cell of a column (by its style class) in the row of the held copy. */
    private static By cell(Held held, String column) {
        return By.xpath(row(held) + "/td[contains(concat(' ', @class, ' '), ' " + column + " ')]");
    }

    private static By releaseButton(Held held) {
        return By.xpath(row(held) + "//button[contains(concat(' ', @class, ' '), ' release ')]");
    }

    private static String row(Held held) {
        return "//tbody/tr[td[contains(concat(' ', @class, ' '), ' recipient ') and normalize-space() = '"
                + held.recipient() + "']]";
    }

    /** The product stores its times in UTC (hibernate.jdbc.time_zone). */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("e2e.db.url"), System.getProperty("e2e.db.user"),
                System.getProperty("e2e.db.password"));
    }
}
