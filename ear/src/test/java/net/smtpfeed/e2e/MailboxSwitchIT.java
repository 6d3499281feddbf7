package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import net.smtpfeed.domain.mailbox.MailboxCreated;
import net.smtpfeed.domain.mailbox.MailboxScope;
import net.smtpfeed.domain.mailbox.ModeChange;
import net.smtpfeed.domain.mailbox.StoredMailDisposal;
import net.smtpfeed.relay.mailbox.MailboxAdministration;
import net.smtpfeed.relay.mailbox.ModeSwitch;
import net.smtpfeed.relay.testing.FreePorts;
import net.smtpfeed.relay.testing.Pop3Conversation;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 6's whole story on the deployed relay, step by step: with the customer's server down, mail is deferred; staff
 * switch the domain to mailboxes, and the deferred and the new mail appear in its mailboxes over POP3 (Jakarta Mail
 * and fetchmail); staff switch it back choosing "deliver"; the server, now up, receives every message once and the
 * mailboxes are gone. Every message accepted is accounted for exactly once.
 *
 * <p>The steps marked {@link RunAsClient} are what senders and the customer do from outside; the others are what
 * staff do, through the relay's own ModeSwitch and MailboxAdministration inside the server (the portal's staff page
 * calls the same). The steps share the domain by its name, which only this test gives its domains.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailboxSwitchIT {

    private static final String PREFIX = "mailbox-switch";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String INFO_PASSWORD = "info-password-1";
    private static final String REST_PASSWORD = "rest-password-1";

    /** Client side: what the earlier client steps made (the client runs every client step in one JVM, in order). */
    private static int serverPort;
    private static String domain;
    private static final Map<String, String> queueIdsBySubject = new TreeMap<>();
    private static CustomerMailServer customerServer;

    @Inject
    ModeSwitch modeSwitch;

    @Inject
    MailboxAdministration mailboxes;

    @Resource(lookup = "java:jboss/datasources/SmtpfeedDS")
    DataSource database;

    @Deployment
    static EnterpriseArchive product() {
        EnterpriseArchive ear = Deployments.productEar();
        WebArchive portal = ear.getAsType(WebArchive.class, "portal-web.war");
        portal.addClasses(MailboxSwitchIT.class, CustomerMailServer.class, TestSystem.class, Pop3Clients.class,
                Deployments.class);
        portal.addPackage(FreePorts.class.getPackage());
        ear.delete("portal-web.war");
        ear.addAsModule(Testable.archiveToTest(portal));
        return ear;
    }

    @Test
    @Order(1)
    @RunAsClient
    void whileTheCustomersServerIsDownItsMailIsDeferred() throws Exception {
        serverPort = FreePorts.any();
        domain = TestSystem.hostedDomainNamed(PREFIX, "customer", serverPort);
        send("info", "1 deferred for info");
        send("info", "2 deferred for info");
        send("sales", "3 deferred for sales");
        for (String queueId : queueIdsBySubject.values()) {
            assertTrue(TestSystem.awaitDeliveryState(queueId, "DEFERRED", TIMEOUT).startsWith("DEFERRED"));
        }
    }

    @Test
    @Order(2)
    void staffSwitchTheDomainToMailboxesAndMakeAMailboxAndACatchAll() throws SQLException {
        String name = domainOfThisTest();
        ModeChange.ToMailboxes switched = modeSwitch.toMailboxes(name, "staff");
        assertEquals(3, switched.deliveriesDue());

        MailboxCreated info = mailboxes.create(name, "info", false, "staff");
        MailboxCreated rest = mailboxes.create(name, "rest", true, "staff");
        assertEquals("info@" + name, info.address());
        assertEquals(16, info.password().length(), "a password to show once");
        // As the customer does on the portal, so that the client steps know them.
        mailboxes.changePassword(info.mailboxId(), MailboxScope.staff(), INFO_PASSWORD.toCharArray(), "customer");
        mailboxes.changePassword(rest.mailboxId(), MailboxScope.staff(), REST_PASSWORD.toCharArray(), "customer");
    }

    @Test
    @Order(3)
    @RunAsClient
    void theDeferredAndTheNewMailAreInTheMailboxesOverPop3() throws Exception {
        send("info", "4 new for info");
        send("someone", "5 new for someone");
        for (String queueId : queueIdsBySubject.values()) {
            assertEquals("STORED", TestSystem.awaitDeliveryState(queueId, "STORED", TIMEOUT));
        }

        List<String> inInfo = Pop3Clients.jakartaMail("info@" + domain, INFO_PASSWORD).stream()
                .map(Pop3Clients.Fetched::subject).sorted().toList();
        assertEquals(List.of("1 deferred for info", "2 deferred for info", "4 new for info"), inInfo);

        Path fetchmailDir = Files.createTempDirectory("mailbox-switch-fetchmail");
        List<String> inCatchAll = Pop3Clients.fetchmail("rest@" + domain, REST_PASSWORD, fetchmailDir).stream()
                .map(text -> text.replaceAll("(?s).*\r?\nSubject: ([^\r\n]*).*", "$1")).sorted().toList();
        assertEquals(List.of("3 deferred for sales", "5 new for someone"), inCatchAll);
        assertTrue(TestSystem.auditOf("domain " + domain).contains("staff delivery mode FEED MAILBOXES"));

        customerServer = CustomerMailServer.startOn(serverPort);
    }

    @Test
    @Order(4)
    void anotherCustomerCannotDeleteTheStoredMessages() throws SQLException {
        List<Long> stored = longs("""
                SELECT s.id FROM stored_message s JOIN mailbox m ON m.id = s.mailbox_id
                JOIN hosted_domain d ON d.id = m.domain_id WHERE d.name = ?""", domainOfThisTest());
        long other = longs("SELECT customer_id FROM portal_user WHERE username = ?", "other").get(0);
        assertEquals(5, stored.size());
        assertEquals(0, mailboxes.deleteMessages(stored, MailboxScope.customer(other)));
    }

    @Test
    @Order(5)
    void staffSwitchTheDomainBackToItsFeedChoosingDeliver() throws SQLException {
        ModeChange.ToFeed switched = modeSwitch.toFeed(domainOfThisTest(), StoredMailDisposal.DELIVER, "staff");
        assertEquals(2, switched.mailboxesDeleted());
        assertEquals(5, switched.messagesRequeued());
    }

    @Test
    @Order(6)
    @RunAsClient
    void theServerNowUpReceivesEveryMessageOnceAndTheMailboxesAreGone() throws Exception {
        try (CustomerMailServer server = customerServer) {
            server.awaitMessages(5, TIMEOUT);
            Thread.sleep(3_000);
            Map<String, Long> receivedBySubject = server.received().stream().collect(Collectors.groupingBy(
                    r -> r.data().replaceAll("(?s).*\r?\nSubject: ([^\r\n]*).*", "$1"), TreeMap::new, Collectors.counting()));
            assertEquals(queueIdsBySubject.keySet().stream().collect(Collectors.toMap(Function.identity(), s -> 1L)),
                    receivedBySubject, "every message exactly once");
        }
        for (String queueId : queueIdsBySubject.values()) {
            assertEquals("DELIVERED", TestSystem.deliveryState(queueId));
            List<String> timeline = TestSystem.timeline(queueId);
            assertEquals(1, timeline.stream().filter(l -> l.startsWith("DELIVERY STORED")).count(), timeline.toString());
            assertEquals(1, timeline.stream().filter(l -> l.startsWith("DELIVERY REQUEUED")).count(), timeline.toString());
        }
        try (Pop3Conversation pop3 = Pop3Clients.conversation()) {
            assertEquals("-ERR [AUTH] invalid user name or password", pop3.login("info@" + domain, INFO_PASSWORD));
        }
        List<String> audit = TestSystem.auditOf("domain " + domain);
        assertTrue(audit.contains("staff delivery mode MAILBOXES FEED"), audit.toString());
        assertTrue(audit.contains("staff mail left in mailboxes null 5 message(s) queued for delivery"), audit.toString());
    }

    private static void send(String localPart, String subject) throws Exception {
        String reply = TestSystem.sendMail(localPart + "@" + domain, "Subject: " + subject + "\r\n\r\n" + subject + "\r\n");
        assertTrue(reply.startsWith("250"), reply);
        queueIdsBySubject.put(subject, TestSystem.queueId(reply));
    }

    /** In the server: the domain the client steps made, the newest of this test's. */
    private String domainOfThisTest() throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT name FROM hosted_domain WHERE name LIKE ? ORDER BY id DESC")) {
            select.setString(1, PREFIX + "-%");
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    /** In the server: the numbers a query with one parameter selects. */
    private List<Long> longs(String query, String parameter) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(query)) {
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                List<Long> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getLong(1));
                }
                return values;
            }
        }
    }
}
