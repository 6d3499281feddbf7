package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.smtpfeed.relay.testing.Pop3Conversation;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's domain on temporary mailboxes (mailbox.example, mailbox info@ with password info-mailbox) on the deployed
 * relay: mail is stored in the mailbox instead of relayed, real POP3 clients read it, an address without a mailbox is
 * refused at RCPT, and password guessing is refused and throttled (the server's throttle window is 10 seconds here).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailboxIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String MAILBOX = "info@mailbox.example";
    private static final String PASSWORD = "info-mailbox";

    @TempDir
    Path workDir;

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void mailToTheMailboxIsStoredThereAndJakartaMailReadsItOverStls() throws Exception {
        String subject = "stored " + System.nanoTime();
        String queueId = TestSystem.queueId(TestSystem.sendMail(MAILBOX, "Subject: " + subject + "\r\n\r\nfor the mailbox\r\n"));

        assertEquals("STORED", TestSystem.awaitDeliveryState(queueId, "STORED", TIMEOUT));
        assertTrue(TestSystem.timeline(queueId).stream().anyMatch(line -> line.startsWith("DELIVERY STORED " + MAILBOX
                + " stored in mailbox " + MAILBOX + " (")), TestSystem.timeline(queueId).toString());
        Pop3Clients.Fetched fetched = Pop3Clients.jakartaMail(MAILBOX, PASSWORD).stream()
                .filter(m -> subject.equals(m.subject())).findFirst().orElseThrow();
        assertTrue(fetched.uid().startsWith(queueId + "-"), fetched.uid());
        assertTrue(fetched.text().startsWith("Return-Path: <sender@elsewhere.example>\r\nDelivered-To: " + MAILBOX + "\r\n"),
                fetched.text());
        assertTrue(fetched.text().endsWith("\r\n\r\nfor the mailbox\r\n"), fetched.text());
    }

    @Test
    void fetchmailFetchesTheMailboxOverStls() throws Exception {
        String subject = "fetched " + System.nanoTime();
        String queueId = TestSystem.queueId(TestSystem.sendMail(MAILBOX, "Subject: " + subject + "\r\n\r\nfor fetchmail\r\n"));
        assertEquals("STORED", TestSystem.awaitDeliveryState(queueId, "STORED", TIMEOUT));

        List<String> fetched = Pop3Clients.fetchmail(MAILBOX, PASSWORD, workDir);

        assertEquals(1, fetched.stream().filter(text -> text.contains("Subject: " + subject)).count(),
                Files.readString(workDir.resolve("fetchmail.log")));
        assertTrue(Files.readString(workDir.resolve("fetchmail.log")).contains("STLS"), "over STLS");
    }

    @Test
    void anAddressWithoutAMailboxIsRefusedAtRcpt() throws Exception {
        assertTrue(TestSystem.sendMail("nobody@mailbox.example", "Subject: lost\r\n\r\nx\r\n")
                .startsWith("550 5.1.1 <nobody@mailbox.example>: no such mailbox"));
    }

    /** Last: while the throttle holds, no login from this address gets through. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aWrongPasswordIsRefusedAndRepeatedFailuresAreThrottledUntilTheWindowPasses() throws Exception {
        List<Long> waits = new ArrayList<>();
        try (Pop3Conversation pop3 = Pop3Clients.conversation()) {
            for (int i = 0; i < 5; i++) {
                Instant asked = Instant.now();
                assertEquals("-ERR [AUTH] invalid user name or password", pop3.login(MAILBOX, "guess-" + i));
                waits.add(Duration.between(asked, Instant.now()).toMillis());
            }
            assertEquals("-ERR [AUTH] too many failed logins, try again later", pop3.login(MAILBOX, PASSWORD));
            assertTrue(pop3.closedByServer());
        }
        assertTrue(waits.get(3) - waits.get(0) >= 1_000, "each failure is answered later than the one before: " + waits);

        Instant deadline = Instant.now().plusSeconds(20);
        String reply;
        do {
            Thread.sleep(1_000);
            try (Pop3Conversation pop3 = Pop3Clients.conversation()) {
                reply = pop3.login(MAILBOX, PASSWORD);
            }
        } while (!reply.startsWith("+OK") && Instant.now().isBefore(deadline));
        assertTrue(reply.startsWith("+OK maildrop locked and ready"), "the right password works again: " + reply);
    }
}
