package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.smtpfeed.relay.testing.SmtpConversation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory bound of the relay core: a node whose heap is capped at 512 MB takes 100 messages of 20 MB each from 100
 * concurrent SMTP sessions, answers 250 to every one, and delivers every one intact, while the heap in use (read from
 * the JVM's own GC log and from jcmd, not estimated) stays under 512 MB. Message bodies go to disk and to the database,
 * never whole into the heap. With -Pmysql the node stores into a MySQL database of its own, dropped afterwards.
 */
class MemoryBoundIT {

    private static final int MESSAGES = 100;
    private static final int MESSAGE_BYTES = 20 * 1024 * 1024;
    private static final long HEAP_CAP = 512L * 1024 * 1024;
    private static final int DEMO_DESTINATION_PORT = 2626;
    private static final String DOMAIN = "spamcheck.example";
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final Pattern JCMD_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

    @TempDir
    Path workDir;

    @Test
    void hundredConcurrentTwentyMegabyteMessagesPassThroughA512MegabyteHeap() throws Exception {
        Instant started = Instant.now();
        try (OwnDatabase database = OwnDatabase.forThisRun();
             CustomerMailServer customerServer = CustomerMailServer.startKeepingOnlyDigestsOn(DEMO_DESTINATION_PORT);
             RelayProcess relay = RelayProcess.prepare(workDir, 600, 3225)) {
            List<String> properties = new ArrayList<>(database.relayProperties());
            // All 100 sessions come from 127.0.0.1: the per-client limit (20) would refuse most of them.
            properties.add("-Dsmtpfeed.smtp.max-connections-per-client=" + MESSAGES);
            // The product's lease, not RelayProcess's 10 seconds for crash tests: delivering 20 MB under this load can
            // take longer than that, and another worker would then take the delivery over and send it again.
            properties.add("-Dsmtpfeed.queue.lease=PT15M");
            relay.start(properties);

            Map<String, Sent> sent = sendConcurrently(relay);
            Instant allAccepted = Instant.now();
            List<String> refused = sent.values().stream().filter(s -> !s.reply().startsWith("250 "))
                    .map(s -> s.id() + ": " + s.reply()).toList();
            assertTrue(refused.isEmpty(), "every message gets a 250: " + refused);

            List<CustomerMailServer.Received> received = customerServer.awaitMessages(MESSAGES, DELIVERY_TIMEOUT);
            Instant allDelivered = Instant.now();
            Map<String, List<CustomerMailServer.Received>> byId = received.stream()
                    .collect(Collectors.groupingBy(r -> header(r.data(), "X-Test-Id")));
            for (Sent message : sent.values()) {
                List<CustomerMailServer.Received> arrived = byId.getOrDefault(message.id(), List.of());
                assertEquals(1, arrived.size(), message.id() + " arrives once");
                assertEquals(message.bodySize(), arrived.get(0).bodySize(), message.id() + ": body size");
                assertEquals(message.bodySha256(), arrived.get(0).bodySha256(), message.id() + ": body digest");
            }
            assertEquals(MESSAGES, received.size(), "nothing else arrives");

            String relayLog = Files.readString(relay.log(), StandardCharsets.ISO_8859_1);
            assertFalse(relayLog.contains("java.lang.OutOfMemoryError"), "no OutOfMemoryError, heap or direct; see " + relay.log());
            Heap heap = heapFigures(relay);
            System.out.printf("memory bound: %d x %d MB, accepted in %d s, delivered in %d s; heap peak %d MB, "
                            + "largest heap after a GC %d MB, %d GCs of which %d full; the whole test %d s; GC log %s%n",
                    MESSAGES, MESSAGE_BYTES >> 20, Duration.between(started, allAccepted).toSeconds(),
                    Duration.between(allAccepted, allDelivered).toSeconds(), heap.peak() >> 20,
                    heap.afterGc() >> 20, heap.collections(), heap.fullCollections(),
                    Duration.between(started, Instant.now()).toSeconds(), relay.gcLog());
            assertTrue(heap.collections() > 0, "the GC log has collections to read: " + relay.gcLog());
            assertTrue(heap.peak() < HEAP_CAP, "heap peak " + (heap.peak() >> 20) + " MB stays under 512 MB");
        }
    }

    /** What one session sent: its test id, the reply to its final dot, and its body's size and SHA-256. */
    private record Sent(String id, String reply, long bodySize, String bodySha256) {
    }

    private static Map<String, Sent> sendConcurrently(RelayProcess relay) throws Exception {
        ExecutorService sessions = Executors.newFixedThreadPool(MESSAGES);
        try {
            List<Future<Sent>> results = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                int n = i;
                results.add(sessions.submit((Callable<Sent>) () -> send(relay, n)));
            }
            List<Sent> sent = new ArrayList<>();
            for (Future<Sent> result : results) {
                sent.add(result.get());
            }
            return sent.stream().collect(Collectors.toMap(Sent::id, s -> s));
        } finally {
            sessions.shutdownNow();
        }
    }

    private static Sent send(RelayProcess relay, int n) throws Exception {
        String id = "memory-" + n;
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        GeneratedBody body = new GeneratedBody(n, MESSAGE_BYTES);
        byte[] headers = ("Subject: twenty megabytes\r\nX-Test-Id: " + id + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try (SmtpConversation smtp = SmtpConversation.open("127.0.0.1", relay.smtpPort());
             InputStream message = new SequenceInputStream(new ByteArrayInputStream(headers),
                     new DigestInputStream(body, sha256))) {
            // Sessions beyond the relay's concurrent intake wait at the final dot for their turn (up to 5 minutes).
            smtp.replyTimeout(Duration.ofMinutes(6));
            smtp.send("EHLO big.elsewhere.example");
            String reply = smtp.send("MAIL FROM:<big@elsewhere.example> SIZE=" + (headers.length + MESSAGE_BYTES));
            if (reply.startsWith("250")) {
                reply = smtp.send("RCPT TO:<someone@" + DOMAIN + ">");
            }
            if (reply.startsWith("250")) {
                reply = smtp.data(message);
            }
            return new Sent(id, reply, body.produced(), HexFormat.of().formatHex(sha256.digest()));
        }
    }

    /**
     * A message body of the given size made on the fly, different for each seed: lines of 78 letters and digits and
     * CRLF (never a leading dot, never a line too long for SMTP), so that no sender ever holds a message in memory.
     */
    private static final class GeneratedBody extends InputStream {

        private static final byte[] ALPHABET =
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".getBytes(StandardCharsets.US_ASCII);
        private static final int LINE = 80;

        private final SplittableRandom random;
        private final long size;
        private final byte[] line = new byte[LINE];
        private long produced;

        GeneratedBody(long seed, long size) {
            this.random = new SplittableRandom(seed);
            this.size = size - size % LINE;
        }

        long produced() {
            return produced;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (produced == size) {
                return -1;
            }
            int n = 0;
            while (n < length && produced < size) {
                int inLine = (int) (produced % LINE);
                if (inLine == 0) {
                    for (int i = 0; i < LINE - 2; i++) {
                        line[i] = ALPHABET[random.nextInt(ALPHABET.length)];
                    }
                    line[LINE - 2] = '\r';
                    line[LINE - 1] = '\n';
                }
                int chunk = Math.min(length - n, LINE - inLine);
                System.arraycopy(line, inLine, buffer, offset + n, chunk);
                n += chunk;
                produced += chunk;
            }
            return n;
        }
    }

    /** The heap as the relay's JVM reports it. */
    private record Heap(long peak, long afterGc, int collections, int fullCollections) {
    }

    /**
     * The heap in use peaks just before a collection, so the largest "before" figure in the GC log is the peak up to
     * the last collection; jcmd's GC.heap_info adds what is in use now, since then.
     */
    private static Heap heapFigures(RelayProcess relay) throws IOException, InterruptedException {
        long peak = 0;
        long after = 0;
        int collections = 0;
        int full = 0;
        for (String line : Files.readAllLines(relay.gcLog())) {
            Matcher m = GC_HEAP.matcher(line);
            if (m.find()) {
                collections++;
                full += line.contains("Pause Full") ? 1 : 0;
                peak = Math.max(peak, bytes(m.group(1), m.group(2)));
                after = Math.max(after, bytes(m.group(3), m.group(4)));
            }
        }
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(relay.jvm().pid()), "GC.heap_info")
                .redirectErrorStream(true).start();
        String info = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        Matcher now = JCMD_USED.matcher(info);
        assertTrue(now.find(), "jcmd GC.heap_info answers: " + info);
        return new Heap(Math.max(peak, Long.parseLong(now.group(2)) * 1024), after, collections, full);
    }

    private static long bytes(String amount, String unit) {
        long n = Long.parseLong(amount);
        return switch (unit) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            default -> n << 30;
        };
    }

    private static String header(String headerSection, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + ": ([^\r\n]*)").matcher(headerSection);
        return m.find() ? m.group(1) : "";
    }

    /**
     * The node's database. Embedded H2 lives in the test's directory (removed with it); on MySQL (-Pmysql) the node
     * gets a database of its own, created empty and dropped at the end, so that 2 GB of message bytes do not stay
     * behind in the shared end-to-end database.
     */
    private record OwnDatabase(String url) implements AutoCloseable {

        static OwnDatabase forThisRun() throws SQLException {
            if (!"mysql".equals(System.getProperty("e2e.db.driver"))) {
                return new OwnDatabase(null);
            }
            OwnDatabase database = new OwnDatabase(System.getProperty("e2e.memory.db.url"));
            database.execute("DROP DATABASE IF EXISTS " + database.name(), "CREATE DATABASE " + database.name()
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            return database;
        }

        List<String> relayProperties() {
            if (url == null) {
                return List.of();
            }
            return List.of("-Dsmtpfeed.db.driver=mysql", "-Dsmtpfeed.db.url=" + url,
                    "-Dsmtpfeed.db.user=" + System.getProperty("e2e.db.user"),
                    "-Dsmtpfeed.db.password=" + System.getProperty("e2e.db.password"));
        }

        private String name() {
            return url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        }

        private void execute(String... statements) throws SQLException {
            String server = url.substring(0, url.lastIndexOf('/') + 1);
            try (Connection connection = DriverManager.getConnection(server, System.getProperty("e2e.db.user"),
                    System.getProperty("e2e.db.password"));
                 Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
        }

        @Override
        public void close() throws SQLException {
            if (url != null) {
                execute("DROP DATABASE IF EXISTS " + name());
            }
        }
    }
}
