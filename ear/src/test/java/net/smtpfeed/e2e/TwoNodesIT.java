package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.smtpfeed.relay.testing.SmtpConversation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two relay nodes (two WildFly servers, port offsets 400 and 500) on one MySQL database, as a second MX host of equal
 * priority would run: mail sent to either is delivered exactly once, greylisting state is shared, and what a node held
 * when it was killed is delivered by the other once its lease ends. Runs with -Pmysql (e2e.nodes.db.url names the
 * database, which the test creates and drops).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final int DEMO_DESTINATION_PORT = 2626;
    private static final int MESSAGES = 1000;
    private static final int SENDERS = 10;
    private static final Duration GREYLIST_DELAY = Duration.ofSeconds(3);
    /**
     * Far shorter than the product's 15 minutes, so that the killed node's mail comes back within the test; long
     * enough that a node starved of CPU for a few seconds (two servers, MariaDB and the tests on two cores) still
     * renews its leases in time: at 10 s, a crowded machine saw a few of the thousand messages delivered twice.
     */
    private static final Duration LEASE = Duration.ofSeconds(20);

    private static Path workDir;
    private static String databaseUrl;
    private static RelayProcess nodeA;
    private static RelayProcess nodeB;

    @BeforeAll
    static void twoNodesOnOneDatabase() throws Exception {
        databaseUrl = System.getProperty("e2e.nodes.db.url", "");
        assumeTrue("mysql".equals(System.getProperty("e2e.db.driver")) && !databaseUrl.isEmpty(),
                "needs a MySQL database both nodes share (-Pmysql)");
        execute("DROP DATABASE IF EXISTS " + databaseName(), "CREATE DATABASE " + databaseName()
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        workDir = Files.createTempDirectory("smtpfeed-two-nodes");
        nodeA = RelayProcess.prepare(workDir.resolve("a"), 400, 3025);
        nodeB = RelayProcess.prepare(workDir.resolve("b"), 500, 3125);
        // One after the other: the first migrates the schema and seeds the demo data, the second finds them done.
        nodeA.start(nodeProperties("relay-a"));
        nodeB.start(nodeProperties("relay-b"));
    }

    @AfterAll
    static void stopNodes() throws Exception {
        if (nodeA != null) {
            nodeA.close();
            nodeB.close();
            execute("DROP DATABASE IF EXISTS " + databaseName());
        }
    }

    @Test
    @Order(1)
    void aThousandMessagesSentHalfToEachNodeAreEachDeliveredExactlyOnce() throws Exception {
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        List<String> refused = new CopyOnWriteArrayList<>();
        try (CustomerMailServer customerServer = CustomerMailServer.startOn(DEMO_DESTINATION_PORT)) {
            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            Instant started = Instant.now();
            for (int s = 0; s < SENDERS; s++) {
                int sender = s;
                RelayProcess node = sender % 2 == 0 ? nodeA : nodeB;
                senders.execute(() -> send(node, sender, MESSAGES / SENDERS, accepted, refused));
            }
            senders.shutdown();
            assertTrue(senders.awaitTermination(5, TimeUnit.MINUTES));
            assertEquals(List.of(), refused, "every message got a 250");
            assertEquals(MESSAGES, accepted.size());

            awaitArrivalOf(customerServer, accepted, Duration.ofMinutes(3));
            Duration took = Duration.between(started, Instant.now());

            Map<String, Long> timesById = ours(customerServer).stream()
                    .collect(Collectors.groupingBy(TwoNodesIT::id, Collectors.counting()));
            assertEquals(accepted, timesById.keySet(), "every accepted message arrived");
            assertEquals(Map.of(), timesById.entrySet().stream().filter(e -> e.getValue() != 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "none arrived twice");
            System.out.printf("two nodes: %d messages sent and delivered in %d ms%n", MESSAGES, took.toMillis());
            awaitCount("SELECT COUNT(*) FROM delivery WHERE state = 'DELIVERED'", MESSAGES, Duration.ofSeconds(30));
        }
    }

    @Test
    @Order(2)
    void aTripletGreylistedOnOneNodePassesOnTheOtherAfterTheDelay() throws Exception {
        String sender = "greylist-" + System.nanoTime() + "@elsewhere.example";
        String recipient = "someone@customer.example";

        assertTrue(rcpt(nodeA, sender, recipient).startsWith("451 4.7.1 greylisted"), "first sight on node A");
        Thread.sleep(GREYLIST_DELAY.plusSeconds(1).toMillis());

        assertTrue(rcpt(nodeB, sender, recipient).startsWith("250"), "the retry after the delay passes on node B");
    }

    @Test
    @Order(3)
    void whatAKilledNodeHeldIsDeliveredByTheOtherAfterTheLease() throws Exception {
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        List<String> refused = new CopyOnWriteArrayList<>();
        // The customer's server takes the connections and never answers: node A's deliveries hang, their rows leased.
        Thread acceptor;
        try (ServerSocket silentServer = new ServerSocket(DEMO_DESTINATION_PORT, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silentServer.accept());
                    }
                } catch (IOException closed) {
                    // the test moves on to the real server
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            List<String> queueIds = send(nodeA, 99, 10, accepted, refused);
            assertEquals(List.of(), refused);
            awaitCount("SELECT COUNT(*) FROM delivery d JOIN mail_message m ON m.id = d.message_id"
                    + " WHERE d.state = 'DELIVERING' AND d.claim_token LIKE 'relay-a/%' AND m.queue_id IN ('"
                    + String.join("','", queueIds) + "')", 10, Duration.ofSeconds(30));

            nodeA.kill();
            for (Socket socket : held) {
                socket.close();
            }
        }
        // The JDK frees a listening port whose accept() another thread is blocked in only when that thread returns.
        acceptor.join();
        Instant killedAt = Instant.now();
        try (CustomerMailServer customerServer = CustomerMailServer.startOn(DEMO_DESTINATION_PORT)) {
            awaitArrivalOf(customerServer, accepted, LEASE.plusSeconds(60));

            Set<String> arrived = ours(customerServer).stream().map(TwoNodesIT::id).collect(Collectors.toSet());
            assertEquals(accepted, arrived, "node B delivered every message node A held");
            assertTrue(Duration.between(killedAt, Instant.now()).compareTo(LEASE.minusSeconds(2)) > 0,
                    "not before node A's lease ended");
            assertEquals(10, ours(customerServer).size(), "each of them once");
        }
    }

    private static List<String> nodeProperties(String name) {
        return List.of("-Djboss.node.name=" + name, "-Dsmtpfeed.db.driver=mysql", "-Dsmtpfeed.db.url=" + databaseUrl,
                "-Dsmtpfeed.db.user=" + System.getProperty("e2e.db.user"),
                "-Dsmtpfeed.db.password=" + System.getProperty("e2e.db.password"),
                "-Dsmtpfeed.greylist.delay=" + GREYLIST_DELAY, "-Dsmtpfeed.queue.lease=" + LEASE,
                "-Dsmtpfeed.node.heartbeat=PT2S");
    }

    /** Sends the messages in one session; returns the queue ids of those accepted. */
    private static List<String> send(RelayProcess node, int sender, int messages, Set<String> accepted,
                                     List<String> refused) {
        List<String> queueIds = new ArrayList<>();
        try (SmtpConversation smtp = SmtpConversation.open("127.0.0.1", node.smtpPort())) {
            smtp.send("EHLO load.elsewhere.example");
            for (int i = 0; i < messages; i++) {
                String id = "node-" + node.smtpPort() + "-" + sender + "-" + i;
                String reply = smtp.sendMail("load@elsewhere.example", "someone@spamcheck.example",
                        "Subject: two nodes\r\nX-Test-Id: " + id + "\r\n\r\nbody of " + id + "\r\n");
                if (reply.startsWith("250 ")) {
                    accepted.add(id);
                    queueIds.add(TestSystem.queueId(reply));
                } else {
                    refused.add(id + ": " + reply);
                }
            }
        } catch (IOException e) {
            refused.add("sender " + sender + ": " + e);
        }
        return queueIds;
    }

    private static String rcpt(RelayProcess node, String sender, String recipient) throws IOException {
        try (SmtpConversation smtp = SmtpConversation.open("127.0.0.1", node.smtpPort())) {
            smtp.send("EHLO mx.elsewhere.example");
            smtp.send("MAIL FROM:<" + sender + ">");
            return smtp.send("RCPT TO:<" + recipient + ">");
        }
    }

    private static void awaitArrivalOf(CustomerMailServer server, Set<String> ids, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)
                && !ours(server).stream().map(TwoNodesIT::id).collect(Collectors.toSet()).containsAll(ids)) {
            Thread.sleep(200);
        }
    }

    private static void awaitCount(String query, long expected, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        long now = count(query);
        while (now != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            now = count(query);
        }
        assertEquals(expected, now, query);
    }

    private static long count(String query) throws SQLException {
        try (Connection db = connect(databaseUrl); PreparedStatement select = db.prepareStatement(query);
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * The messages of this test that reached the sink, as their text. The end-to-end server of the other tests may be
     * running beside these nodes, and its demo domains point at the same port.
     */
    private static List<String> ours(CustomerMailServer server) {
        return server.received().stream().map(CustomerMailServer.Received::data)
                .filter(data -> data.contains("X-Test-Id: node-")).toList();
    }

    private static String id(String data) {
        return data.replaceAll("(?s).*X-Test-Id: ([^\r\n]*).*", "$1");
    }

    private static String databaseName() {
        return databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection connection = connect(databaseUrl.substring(0, databaseUrl.lastIndexOf('/') + 1));
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, System.getProperty("e2e.db.user"), System.getProperty("e2e.db.password"));
    }
}
