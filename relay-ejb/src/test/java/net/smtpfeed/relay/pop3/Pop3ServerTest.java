package net.smtpfeed.relay.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import net.smtpfeed.relay.smtp.ServerTls;
import net.smtpfeed.relay.testing.Pop3Conversation;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The POP3 server against Jakarta Mail's POP3 client and a plain conversation, on mailboxes held in memory: RFC 1939
 * with CAPA, UIDL, TOP and STLS, deletions only at QUIT, one session per maildrop, and throttled password guessing.
 */
class Pop3ServerTest {

    private static final String FIRST = "From: anna@elsewhere.example\r\nSubject: first\r\n\r\nline one\r\n.starts with a dot\r\nline three\r\n";
    private static final String SECOND = "From: bert@elsewhere.example\r\nSubject: second\r\n\r\nhello\r\n";
    private static final Duration FIRST_DELAY = Duration.ofMillis(200);

    @TempDir
    static Path dataDirectory;
    private static SSLContext tls;

    private final MemoryMaildrops maildrops = new MemoryMaildrops();
    private final List<Pop3Server> servers = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeAll
    static void makeCertificate() {
        tls = ServerTls.selfSigned(dataDirectory, "relay.test");
    }

    @AfterEach
    void stopServers() {
        servers.forEach(Pop3Server::stop);
        threads.shutdownNow();
    }

    @Test
    void aJakartaMailClientReadsTheMaildropWithUidsAndItsDeletionsApplyAtQuit() throws Exception {
        maildrops.mailbox("info@mailbox.example", "secret", FIRST, SECOND);
        int port = start(PlaintextLogin.LOOPBACK);

        Store store = Session.getInstance(pop3(port)).getStore("pop3");
        store.connect("info@mailbox.example", "secret");
        POP3Folder inbox = (POP3Folder) store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        Message[] messages = inbox.getMessages();
        assertEquals(List.of("first", "second"), List.of(messages[0].getSubject(), messages[1].getSubject()));
        assertTrue(inbox.getUID(messages[0]).startsWith("uid-"));
        assertEquals("line one\r\n.starts with a dot\r\nline three\r\n", messages[0].getContent());
        messages[0].setFlag(Flags.Flag.DELETED, true);
        inbox.close(true);
        store.close();

        assertEquals(List.of(SECOND), maildrops.messagesOf("info@mailbox.example"));
    }

    @Test
    void aJakartaMailClientLogsInOverStls() throws Exception {
        maildrops.mailbox("info@mailbox.example", "secret", FIRST);
        int port = start(PlaintextLogin.NEVER);
        Properties properties = pop3(port);
        properties.setProperty("mail.pop3.starttls.enable", "true");
        properties.setProperty("mail.pop3.starttls.required", "true");
        properties.setProperty("mail.pop3.ssl.trust", "*");
        properties.setProperty("mail.pop3.ssl.checkserveridentity", "false");

        Store store = Session.getInstance(properties).getStore("pop3");
        store.connect("info@mailbox.example", "secret");
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        assertEquals(1, inbox.getMessageCount());
        inbox.close(false);
        store.close();
    }

    @Test
    void aWrongPasswordIsRefusedByTheJakartaMailClient() throws Exception {
        maildrops.mailbox("info@mailbox.example", "secret", FIRST);
        int port = start(PlaintextLogin.LOOPBACK);
        Store store = Session.getInstance(pop3(port)).getStore("pop3");
        assertThrows(AuthenticationFailedException.class, () -> store.connect("info@mailbox.example", "guess"));
    }

    @Test
    void capaOffersTopUidlResponseCodesUserAndStlsBeforeLogin() throws IOException {
        int port = start(PlaintextLogin.LOOPBACK);
        try (Pop3Conversation pop3 = Pop3Conversation.open("127.0.0.1", port)) {
            assertEquals("+OK relay.test POP3 server ready", pop3.greeting());
            assertEquals(List.of("TOP", "UIDL", "RESP-CODES", "AUTH-RESP-CODE", "USER", "STLS", "IMPLEMENTATION smtpfeed"),
                    pop3.sendMultiline("CAPA"));
        }
    }

    @Test
    void withoutTlsUserIsRefusedUntilStlsAndThenCapaOffersUserButNoMoreStls() throws IOException {
        maildrops.mailbox("info@mailbox.example", "secret", FIRST);
        int port = start(PlaintextLogin.NEVER);
        try (Pop3Conversation pop3 = Pop3Conversation.open("127.0.0.1", port)) {
            assertFalse(pop3.sendMultiline("CAPA").contains("USER"));
            assertEquals("-ERR [AUTH] USER and PASS only over TLS here: say STLS first", pop3.send("USER info@mailbox.example"));
            assertEquals("+OK begin TLS negotiation", pop3.startTls());
            List<String> capabilities = pop3.sendMultiline("CAPA");
            assertTrue(capabilities.contains("USER"));
            assertFalse(capabilities.contains("STLS"));
            assertEquals("+OK maildrop locked and ready, 1 messages (" + FIRST.length() + " octets)",
                    pop3.login("info@mailbox.example", "secret"));
        }
    }

    @Test
    void listStatAndUidlDescribeTheMaildropAndRetrDotStuffsTheMessage() throws IOException {
        maildrops.mailbox("info@mailbox.example", "secret", FIRST, SECOND);
        int port = start(PlaintextLogin.LOOPBACK);
        try (Pop3Conversation pop3 = Pop3Conversation.open("127.0.0.1", port)) {
            pop3.login("info@mailbox.example", "secret");
            assertEquals("+OK 2 " + (FIRST.length() + SECOND.length()), pop3.send("STAT"));
            assertEquals(List.of("1 " + FIRST.length(), "2 " + SECOND.length()), pop3.sendMultiline("LIST"));
            assertEquals("+OK 2 " + SECOND.length(), pop3.send("LIST 2"));
            assertEquals(2, pop3.sendMultiline("UIDL").size());
            assertEquals("-ERR no such message, only 2 in maildrop", pop3.send("RETR 3"));

            assertEquals("+OK " + FIRST.length() + " octets", pop3.send("RETR 1"));
            assertEquals(List.of("From: anna@elsewhere.example", "Subject: first", "", "line one", ".starts with a dot",
                    "line three"), pop3.readBody());
            pop3.send("NOOP");
            assertEquals(1, maildrops.retrievedFrom("info@mailbox.example").size(), "RETR marks the message read");
        }
    }

    @Test
    void topGivesTheHeadersAndTheFirstLinesOfTheBody() throws IOException {
        maildrops.mailbox("info@mailbox.example", "secret", FIRST);
        int port = start(PlaintextLogin.LOOPBACK);
        try (Pop3Conversation pop3 = Pop3Conversation.open("127.0.0.1", port)) {
            pop3.login("info@mailbox.example", "secret");
            assertEquals(List.of("From: anna@elsewhere.example", "Subject: first", "", "line one"),
                    pop3.sendMultiline("TOP 1 1"));
            assertEquals(List.of("From: anna@elsewhere.example", "Subject: first", ""), pop3.sendMultiline("TOP 1 0"));
        }
        assertEquals(List.of(), maildrops.retrievedFrom("info@mailbox.example"), "TOP does not mark it read");
    }

    @Test
    void deletionsApplyOnlyAtQuitAndRsetTakesThemBack() throws IOException {
        maildrops.mailbox("info@mailbox.example", "secret", FIRST, SECOND);
        int port = start(PlaintextLogin.LOOPBACK);
        try (Pop3Conversation pop3 = Pop3Conversation.open("127.0.0.1", port)) {
            pop3.login("info@mailbox.example", "secret");
            assertEquals("+OK message 1 deleted", pop3.send("DELE 1"));
            assertEquals("-ERR message 1 already deleted", pop3.send("RETR 1"));
            assertEquals("+OK 1 " + SECOND.length(), pop3.send("STAT"));
            pop3.send("RSET");
            pop3.send("DELE 2");
        }
        assertEquals(List.of(FIRST, SECOND), maildrops.messagesOf("info@mailbox.example"), "no QUIT, no deletion");

        try (Pop3Conversation pop3 = loggedIn(port)) {
            pop3.send("DELE 2");
            assertEquals("+OK relay.test POP3 server signing off (1 messages deleted)", pop3.send("QUIT"));
        }
        assertEquals(List.of(FIRST), maildrops.messagesOf("info@mailbox.example"));
    }

    @Test
    void aMaildropIsHeldByOneSessionAtATime() throws IOException {
        maildrops.mailbox("info@mailbox.example", "secret", FIRST);
        int port = start(PlaintextLogin.LOOPBACK);
        try (Pop3Conversation first = Pop3Conversation.open("127.0.0.1", port);
             Pop3Conversation second = Pop3Conversation.open("127.0.0.1", port)) {
            assertTrue(first.login("info@mailbox.example", "secret").startsWith("+OK"));
            assertEquals("-ERR [IN-USE] maildrop already locked by another session",
                    second.login("info@mailbox.example", "secret"));
            first.send("QUIT");
            loggedIn(port).close();
        }
    }

    @Test
    void anUnknownUserGetsTheSameAnswerAsAWrongPassword() throws IOException {
        maildrops.mailbox("info@mailbox.example", "secret", FIRST);
        int port = start(PlaintextLogin.LOOPBACK);
        try (Pop3Conversation pop3 = Pop3Conversation.open("127.0.0.1", port)) {
            assertEquals("-ERR [AUTH] invalid user name or password", pop3.login("nobody@mailbox.example", "secret"));
            assertEquals("-ERR [AUTH] invalid user name or password", pop3.login("info@mailbox.example", "guess"));
        }
    }

    @Test
    void eachFailedLoginWaitsLongerAndThenEvenTheRightPasswordIsRefused() throws IOException {
        maildrops.mailbox("info@mailbox.example", "secret", FIRST);
        int port = start(PlaintextLogin.LOOPBACK);
        List<Long> waits = new ArrayList<>();
        try (Pop3Conversation pop3 = Pop3Conversation.open("127.0.0.1", port)) {
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                assertEquals("-ERR [AUTH] invalid user name or password", pop3.login("info@mailbox.example", "guess" + i));
                waits.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
            }
            assertEquals("-ERR [AUTH] too many failed logins, try again later", pop3.login("info@mailbox.example", "secret"));
            assertTrue(pop3.closedByServer());
        }
        assertTrue(waits.get(0) >= 200 && waits.get(1) >= 400 && waits.get(2) >= 800, "waits " + waits);
    }

    @Test
    void aConnectionPastTheLimitForOneClientIsTurnedAway() throws IOException {
        int port = start(PlaintextLogin.LOOPBACK);
        try (Pop3Conversation first = Pop3Conversation.open("127.0.0.1", port);
             Pop3Conversation second = Pop3Conversation.open("127.0.0.1", port);
             Pop3Conversation third = Pop3Conversation.open("127.0.0.1", port);
             Pop3Conversation fourth = Pop3Conversation.open("127.0.0.1", port)) {
            assertEquals("-ERR [SYS/TEMP] too many connections, try again later", fourth.greeting());
            assertTrue(third.greeting().startsWith("+OK"));
        }
    }

    @Test
    void anIdleSessionIsClosedWithoutApplyingItsDeletions() throws IOException {
        maildrops.mailbox("info@mailbox.example", "secret", FIRST);
        int port = start(PlaintextLogin.LOOPBACK, Duration.ofMillis(500));
        try (Pop3Conversation pop3 = Pop3Conversation.open("127.0.0.1", port)) {
            pop3.login("info@mailbox.example", "secret");
            pop3.send("DELE 1");
            assertEquals("-ERR [SYS/TEMP] idle for too long, closing", pop3.awaitLine());
            assertTrue(pop3.closedByServer());
        }
        assertEquals(List.of(FIRST), maildrops.messagesOf("info@mailbox.example"));
    }

    @Test
    void aCommandLineLongerThanRfc2449AllowsEndsTheSession() throws IOException {
        int port = start(PlaintextLogin.LOOPBACK);
        try (Pop3Conversation pop3 = Pop3Conversation.open("127.0.0.1", port)) {
            assertEquals("-ERR line too long", pop3.send("USER " + "x".repeat(300)));
            assertTrue(pop3.closedByServer());
        }
    }

    @Test
    void transactionCommandsNeedALogin() throws IOException {
        int port = start(PlaintextLogin.LOOPBACK);
        try (Pop3Conversation pop3 = Pop3Conversation.open("127.0.0.1", port)) {
            assertEquals("-ERR log in first", pop3.send("STAT"));
            assertEquals("-ERR USER first", pop3.send("PASS secret"));
            assertEquals("-ERR unknown command", pop3.send("APOP info x"));
        }
    }

    /**
     * A session logged in to info@mailbox.example, once the server has seen the end of the one before (a client that
     * drops its connection holds the maildrop until the server reads the end of the stream).
     */
    private Pop3Conversation loggedIn(int port) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            Pop3Conversation pop3 = Pop3Conversation.open("127.0.0.1", port);
            String reply = pop3.login("info@mailbox.example", "secret");
            if (reply.startsWith("+OK")) {
                return pop3;
            }
            pop3.close();
            assertTrue(reply.contains("[IN-USE]"), reply);
            sleep(Duration.ofMillis(20));
        }
        throw new IOException("the maildrop stayed locked");
    }

    @Test
    void aStoppedServerHasFreedItsPortForTheNextStartAsARedeploymentNeeds() throws IOException {
        int port = start(PlaintextLogin.LOOPBACK);
        for (int redeployment = 0; redeployment < 20; redeployment++) {
            servers.remove(servers.size() - 1).stop();
            assertEquals(port, start(PlaintextLogin.LOOPBACK, Duration.ofSeconds(30), port));
        }
    }

    private int start(PlaintextLogin plaintextLogin) throws IOException {
        return start(plaintextLogin, Duration.ofSeconds(30));
    }

    private int start(PlaintextLogin plaintextLogin, Duration idleTimeout) throws IOException {
        return start(plaintextLogin, idleTimeout, 0);
    }

    private int start(PlaintextLogin plaintextLogin, Duration idleTimeout, int port) throws IOException {
        Pop3Settings settings = new Pop3Settings(InetAddress.getLoopbackAddress(), port, "relay.test", idleTimeout, 10, 3,
                tls, plaintextLogin);
        LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(1), FIRST_DELAY, Clock.systemUTC());
        Pop3Server server = new Pop3Server(settings, maildrops, throttle, threads);
        server.start();
        servers.add(server);
        return server.port();
    }

    private static Properties pop3(int port) {
        Properties properties = new Properties();
        properties.setProperty("mail.pop3.host", "127.0.0.1");
        properties.setProperty("mail.pop3.port", String.valueOf(port));
        properties.setProperty("mail.pop3.connectiontimeout", "10000");
        properties.setProperty("mail.pop3.timeout", "10000");
        return properties;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
