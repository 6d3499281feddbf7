package net.smtpfeed.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.server.SMTPServer;

/**
 * Load generator and arrival sink for the relay benchmark (not a test: {@code mvn -Pbench}, see BENCHMARK.md).
 *
 * <p>C senders, each on its own SMTP connection reused for many transactions, send M messages of S bytes to
 * recipients in {@code customer.example} at the target MTA. A SubEthaSMTP server in this JVM, on the port the
 * destination points at, timestamps each arrival and matches it to its send by the {@code X-Bench-Id} header, so
 * that send and arrival are read from the same clock. Latency is measured from the moment the sender got the 250
 * after DATA to the end of DATA at the sink; what the sender waits for its 250 (MAIL FROM to the reply after DATA, where
 * the relay's filters run) is reported apart as the transaction time. The last line printed is one line of key=value
 * pairs.
 *
 * <p>System properties: bench.target (host:port, default 127.0.0.1:2825; several, comma-separated, share the senders
 * in turn: relay nodes on one database), bench.name (label), bench.messages,
 * bench.size (bytes), bench.senders, bench.warmup (messages sent and awaited first, not counted), bench.warmup-senders
 * (the warm-up's concurrency, whatever the measured load's), bench.sink.port,
 * bench.drain-timeout (seconds to wait for arrivals after the last 250), and, to point {@code customer.example} at
 * the sink port before the load, bench.db.url / bench.db.user / bench.db.password (empty: leave the database alone).
 */
public final class SmtpBench {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final String DOMAIN = "customer.example";
    private static final String HEADER = "X-Bench-Id: ";
    /** Held so that its level sticks: the sink's per-session INFO lines would drown the figures. */
    private static final java.util.logging.Logger SUBETHA_LOG = java.util.logging.Logger.getLogger("org.subethamail");

    /** The relay nodes (or MTA) under load; sender s talks to targets[s % n]. */
    private final List<InetSocketAddress> targets;
    private final int size;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    /** Bench id to nanoTime of the 250 after DATA, and to nanoTime of the arrival at the sink. */
    private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    /** Bench id to the microseconds from MAIL FROM to the 250 after DATA. */
    private final Map<String, Long> transactionMicros = new ConcurrentHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger unmatched = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();

    private SmtpBench(String target, int size) {
        this.targets = Arrays.stream(target.split(",")).map(String::strip).map(hostAndPort -> {
            int colon = hostAndPort.lastIndexOf(':');
            return InetSocketAddress.createUnresolved(hostAndPort.substring(0, colon),
                    Integer.parseInt(hostAndPort.substring(colon + 1)));
        }).toList();
        this.size = size;
    }

    public static void main(String[] args) throws Exception {
        String target = prop("bench.target", "127.0.0.1:2825");
        String name = prop("bench.name", target.endsWith(":2825") ? "smtpfeed" : target);
        int messages = Integer.parseInt(prop("bench.messages", "5000"));
        int size = Integer.parseInt(prop("bench.size", "10240"));
        int senders = Integer.parseInt(prop("bench.senders", "20"));
        int warmup = Integer.parseInt(prop("bench.warmup", "20000"));
        int warmupSenders = Integer.parseInt(prop("bench.warmup-senders", "20"));
        int sinkPort = Integer.parseInt(prop("bench.sink.port", "2626"));
        long drainSeconds = Long.parseLong(prop("bench.drain-timeout", "300"));
        String dbUrl = prop("bench.db.url", "");

        SUBETHA_LOG.setLevel(java.util.logging.Level.WARNING);
        SmtpBench bench = new SmtpBench(target, size);
        String result;
        SMTPServer sink = bench.startSink(sinkPort);
        try {
            if (!dbUrl.isBlank()) {
                pointDemoDomainAt(dbUrl, prop("bench.db.user", ""), prop("bench.db.password", ""), sinkPort,
                        Boolean.parseBoolean(prop("bench.spam-checking", "false")));
            }
            log("target=%s sink=127.0.0.1:%d messages=%d size=%d senders=%d warmup=%d by %d senders load=%s", target,
                    sinkPort, messages, size, senders, warmup, warmupSenders, loadAverage());
            if (warmup > 0) {
                Phase w = bench.run("w", warmup, warmupSenders, drainSeconds);
                log("warm-up: %d accepted, %d arrived, %d lost", w.accepted, w.delivered, w.lost);
            }
            Phase p = bench.run("m", messages, senders, drainSeconds);
            result = p.line(name, messages, size, senders, bench);
        } catch (Exception e) {
            // The build goes on to shut the server down: report the failure in the result line instead.
            e.printStackTrace(System.out);
            result = String.format(Locale.ROOT, "target=%s messages=%d size=%d senders=%d error=%s", name, messages,
                    size, senders, String.valueOf(e).replace(' ', '_'));
        } finally {
            sink.stop();
        }
        System.out.println(result);
    }

    /**
     * Points the demo domain at the sink's port, in case another server holds the port the demo data names, with
     * greylisting off and spam checking as asked.
     */
    private static void pointDemoDomainAt(String url, String user, String password, int sinkPort, boolean spamChecking)
            throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            try (Connection c = DriverManager.getConnection(url, user, password);
                 PreparedStatement update = c.prepareStatement(
                         "UPDATE hosted_domain SET destination_host = '127.0.0.1', destination_port = ?, greylisting = FALSE,"
                                 + " spam_checking = ? WHERE name = ?")) {
                update.setInt(1, sinkPort);
                update.setBoolean(2, spamChecking);
                update.setString(3, DOMAIN);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException(DOMAIN + " is not in the database (run with smtpfeed.demo=true)");
                }
                log("%s now relays to 127.0.0.1:%d, without greylisting (the load would only meet 451s), spam checking %s",
                        DOMAIN, sinkPort, spamChecking ? "on" : "off");
                return;
            } catch (java.sql.SQLException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
    }

    private SMTPServer startSink(int port) {
        SMTPServer server = SMTPServer.port(port).bindAddress(InetAddress.getLoopbackAddress()).hostName("bench-sink")
                .maxConnections(1000).executorService(Executors.newCachedThreadPool())
                .messageHandlerFactory(SinkTransaction::new).build();
        server.start();
        return server;
    }

    /** Sends count messages over the senders' connections, then waits for their arrival. */
    private Phase run(String phase, int count, int senders, long drainSeconds) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong lastAccept = new AtomicLong();
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(runId + "-" + phase + "-" + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        long start = System.nanoTime();
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            InetSocketAddress target = targets.get(s % targets.size());
            done.add(pool.submit(() -> {
                send(target, ids, next, lastAccept);
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        long sendEnd = System.nanoTime();
        List<String> accepted = ids.stream().filter(acceptedAt::containsKey).toList();
        long deadline = System.nanoTime() + drainSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline && accepted.stream().anyMatch(id -> !arrivedAt.containsKey(id))) {
            Thread.sleep(20);
        }
        return new Phase(ids, accepted, start, sendEnd, lastAccept.get());
    }

    /** One sender: one connection, reused for transaction after transaction; reconnects if the server drops it. */
    private void send(InetSocketAddress target, List<String> ids, AtomicInteger next, AtomicLong lastAccept)
            throws IOException {
        Client client = null;
        try {
            for (int i; (i = next.getAndIncrement()) < ids.size(); ) {
                String id = ids.get(i);
                try {
                    if (client == null) {
                        client = Client.connect(target.getHostString(), target.getPort());
                    }
                    long began = System.nanoTime();
                    String reply = client.transaction("bench@sender.example", "user" + (i % 100) + "@" + DOMAIN,
                            message(id, i));
                    if (reply.startsWith("250")) {
                        long now = System.nanoTime();
                        acceptedAt.put(id, now);
                        transactionMicros.put(id, (now - began) / 1000);
                        lastAccept.accumulateAndGet(now, Math::max);
                    } else {
                        refused.incrementAndGet();
                        refusals.computeIfAbsent(reply.length() > 3 ? reply.substring(0, 3) : reply,
                                k -> new AtomicInteger()).incrementAndGet();
                        client.command("RSET");
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                    if (errors.get() <= 5) {
                        log("sender error on %s: %s", id, e);
                    }
                    if (client != null) {
                        client.closeQuietly();
                    }
                    client = null;
                }
            }
        } finally {
            if (client != null) {
                client.quit();
            }
        }
    }

    /** A message of exactly size bytes (CRLF line ends, no line starting with a dot), tagged with its bench id. */
    private byte[] message(String id, int seq) {
        StringBuilder m = new StringBuilder(size + 100);
        m.append("From: Bench <bench@sender.example>\r\n")
                .append("To: user").append(seq % 100).append('@').append(DOMAIN).append("\r\n")
                .append("Subject: benchmark message ").append(id).append("\r\n")
                .append("Message-ID: <").append(id).append("@sender.example>\r\n")
                .append("Date: Mon, 1 Jun 2026 12:00:00 +0000\r\n")
                .append(HEADER).append(id).append("\r\n")
                .append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n");
        String line = "The quick brown fox jumps over the lazy dog, and the relay carries it on. 0123\r\n";
        while (m.length() + line.length() <= size) {
            m.append(line);
        }
        while (m.length() < size - 2) {
            m.append('x');
        }
        if (m.length() < size) {
            m.append("\r\n");
        }
        return m.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Records the arrival of one message at the sink, at the end of its DATA. */
    private final class SinkTransaction implements MessageHandler {

        SinkTransaction(MessageContext context) {
        }

        @Override
        public void from(String from) {
        }

        @Override
        public void recipient(String recipient) {
        }

        @Override
        public String data(InputStream data) throws IOException {
            String id = null;
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            boolean inHeaders = true;
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = data.read(buffer)) != -1; ) {
                for (int k = 0; k < n && inHeaders; k++) {
                    byte b = buffer[k];
                    if (b == '\n') {
                        String text = line.toString(StandardCharsets.US_ASCII).stripTrailing();
                        if (text.isEmpty()) {
                            inHeaders = false;
                        } else if (text.regionMatches(true, 0, HEADER, 0, HEADER.length())) {
                            id = text.substring(HEADER.length()).strip();
                        }
                        line.reset();
                    } else {
                        line.write(b);
                    }
                }
            }
            long now = System.nanoTime();
            if (id == null) {
                unmatched.incrementAndGet();
            } else if (arrivedAt.putIfAbsent(id, now) != null) {
                duplicates.incrementAndGet();
            }
            return null;
        }

        @Override
        public void done() {
        }
    }

    /** The figures of one phase. */
    private final class Phase {
        final int accepted;
        final int delivered;
        final int lost;
        final double acceptedPerSecond;
        final double deliveredPerSecond;
        final long[] latencyMicros;
        final long[] transactionMicros;

        Phase(List<String> ids, List<String> acceptedIds, long start, long sendEnd, long lastAccept) {
            accepted = acceptedIds.size();
            long lastArrival = start;
            List<Long> latencies = new ArrayList<>(accepted);
            int arrived = 0;
            for (String id : acceptedIds) {
                Long at = arrivedAt.get(id);
                if (at != null) {
                    arrived++;
                    lastArrival = Math.max(lastArrival, at);
                    latencies.add((at - acceptedAt.get(id)) / 1000);
                }
            }
            delivered = arrived;
            lost = accepted - arrived;
            acceptedPerSecond = accepted / seconds(start, Math.max(lastAccept, start + 1));
            deliveredPerSecond = delivered / seconds(start, Math.max(lastArrival, start + 1));
            latencyMicros = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            transactionMicros = acceptedIds.stream().map(SmtpBench.this.transactionMicros::get)
                    .mapToLong(Long::longValue).sorted().toArray();
        }

        String line(String name, int messages, int size, int senders, SmtpBench bench) {
            return String.format(Locale.ROOT, "target=%s messages=%d size=%d senders=%d accepted=%d refused=%d errors=%d"
                            + " accepted_per_s=%.1f delivered_per_s=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f"
                            + " txn_p50_ms=%.1f txn_p99_ms=%.1f lost=%d duplicates=%d",
                    name, messages, size, senders, accepted, bench.refused.get(), bench.errors.get(), acceptedPerSecond,
                    deliveredPerSecond, percentile(latencyMicros, 0.50), percentile(latencyMicros, 0.95),
                    percentile(latencyMicros, 0.99), percentile(latencyMicros, 1.0),
                    percentile(transactionMicros, 0.50), percentile(transactionMicros, 0.99), lost,
                    bench.duplicates.get());
        }

        /** Nearest-rank percentile, in milliseconds. */
        double percentile(long[] sortedMicros, double p) {
            if (sortedMicros.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p * sortedMicros.length);
            return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, rank - 1))] / 1000.0;
        }
    }

    /** A minimal SMTP client: no pipelining, one command and one reply at a time. */
    private static final class Client {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        private Client(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        }

        static Client connect(String host, int port) throws IOException {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(300_000);
            socket.connect(new InetSocketAddress(host, port), 30_000);
            Client client = new Client(socket);
            expect(client.reply(), "220");
            expect(client.command("EHLO bench-client.example"), "250");
            return client;
        }

        /** One transaction; returns the reply that ended it (the reply to DATA's end, or the first refusal). */
        String transaction(String sender, String recipient, byte[] message) throws IOException {
            String reply = command("MAIL FROM:<" + sender + ">");
            if (!reply.startsWith("250")) {
                return reply;
            }
            reply = command("RCPT TO:<" + recipient + ">");
            if (!reply.startsWith("250")) {
                return reply;
            }
            reply = command("DATA");
            if (!reply.startsWith("354")) {
                return reply;
            }
            out.write(message);
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return reply();
        }

        String command(String command) throws IOException {
            out.write(command.getBytes(StandardCharsets.US_ASCII));
            out.write(CRLF);
            out.flush();
            return reply();
        }

        /** Reads a reply, multi-line included; returns its last line. */
        String reply() throws IOException {
            while (true) {
                String line = readLine();
                if (line.length() < 4 || line.charAt(3) != '-') {
                    return line;
                }
            }
        }

        private String readLine() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b; (b = in.read()) != -1; ) {
                if (b == '\n') {
                    return line.toString().stripTrailing();
                }
                line.append((char) b);
            }
            throw new IOException("connection closed by the server");
        }

        void quit() {
            try {
                command("QUIT");
            } catch (IOException e) {
                // closing anyway
            }
            closeQuietly();
        }

        void closeQuietly() {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing to do
            }
        }

        private static void expect(String reply, String code) throws IOException {
            if (!reply.startsWith(code)) {
                throw new IOException("expected " + code + ", got: " + reply);
            }
        }
    }

    private static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }

    private static String prop(String key, String fallback) {
        String value = System.getProperty(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String loadAverage() {
        try {
            return Arrays.stream(new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg")),
                    StandardCharsets.US_ASCII).split(" ")).limit(3).reduce((a, b) -> a + "," + b).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static void log(String format, Object... args) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
    }
}
