package net.smtpfeed.relay.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import net.smtpfeed.domain.spam.SpamScore;

/**
 * The SpamAssassin engine. Scores come from a real spamd, named by {@code SMTPFEED_IT_SPAMD} (host:port) and run
 * offline with Debian's stock rules and the site config under src/test/resources/spamd (CI starts it with
 * .ci/start-spamd); without the variable those tests are skipped, and with it set but spamd unreachable they fail.
 * Timeouts, refusals and broken replies need no spamd: those tests talk to a server socket of their own.
 */
class SpamdEngineTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofMillis(700);
    /** A reply as spamd 4.0 sends it for SYMBOLS. */
    private static final String EX_OK_GTUBE = "SPAMD/1.1 0 EX_OK\r\nContent-length: 29\r\n"
            + "Spam: True ; 1000.0 / 5.0\r\n\r\nGTUBE,MISSING_MID,NO_RECEIVED";

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeEnginesAndServers() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private SpamdEngine engineFor(InetSocketAddress address) {
        SpamdEngine engine = new SpamdEngine(address, CONNECT_TIMEOUT, TIMEOUT);
        toClose.add(engine);
        return engine;
    }

    @Nested
    class AgainstARealSpamd {

        private SpamdEngine spamd() {
            String address = System.getenv("SMTPFEED_IT_SPAMD");
            Assumptions.assumeTrue(address != null && !address.isBlank(),
                    "SMTPFEED_IT_SPAMD names no spamd (host:port): the tests against a real spamd are skipped");
            SpamdEngine engine = SpamdEngine.forAddressSetting(address, Duration.ofSeconds(2), Duration.ofSeconds(30));
            toClose.add(engine);
            return engine;
        }

        @Test
        void gtubeScoresHighWithTheRuleGtube() throws Exception {
            SpamScore score = spamd().score(TestMessages.scannable(SpamTestMessages.gtube()));

            assertTrue(score.points() >= 10.0, "GTUBE scored " + score);
            assertTrue(score.rules().contains("GTUBE"), score.rules().toString());
        }

        @Test
        void aPlainPersonalNoteScoresBelowTheLowThreshold() throws Exception {
            SpamScore score = spamd().score(TestMessages.scannable(SpamTestMessages.personalNote()));

            assertTrue(score.points() < 3.0, "the personal note scored " + score);
        }

        @Test
        void aMessageOfSeveralMegabytesIsScoredWhole() throws Exception {
            // spamc skips messages over 500 KB unless told otherwise; spamd itself takes them, behind Content-length
            SpamScore score = spamd().score(TestMessages.scannable(TestMessages.withAttachments(
                    TestMessages.file("archive.bin", new byte[3 * 1024 * 1024]))));

            assertTrue(score.points() < 3.0, "a note with an attachment scored " + score);
        }
    }

    @Test
    void theRequestIsSymbolsWithTheMessagesContentLengthAndItsBytes() throws Exception {
        CompletableFuture<Request> received = new CompletableFuture<>();
        FakeSpamd spamd = new FakeSpamd(client -> {
            received.complete(client.readRequest());
            client.reply(EX_OK_GTUBE);
        });
        byte[] message = SpamTestMessages.gtube().replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);

        engineFor(spamd.address()).score(TestMessages.scannable(message));

        Request request = received.get(5, TimeUnit.SECONDS);
        assertEquals(List.of("SYMBOLS SPAMC/1.5", "Content-length: " + message.length), request.head());
        assertArrayEquals(message, request.body());
    }

    @Test
    void theScoreAndTheRulesComeFromTheSpamHeaderAndTheSymbolsLine() throws Exception {
        FakeSpamd spamd = new FakeSpamd(client -> {
            client.readRequest();
            client.reply(EX_OK_GTUBE);
        });

        SpamScore score = engineFor(spamd.address()).score(TestMessages.scannable(SpamTestMessages.gtube()));

        assertEquals(new SpamScore(1000.0, List.of("GTUBE", "MISSING_MID", "NO_RECEIVED")), score);
    }

    @Test
    void aNegativeScoreWithoutRulesIsAScore() throws Exception {
        FakeSpamd spamd = new FakeSpamd(client -> {
            client.readRequest();
            client.reply("SPAMD/1.1 0 EX_OK\r\nContent-length: 0\r\nSpam: False ; -1.9 / 5.0\r\n\r\n");
        });

        SpamScore score = engineFor(spamd.address()).score(TestMessages.scannable(SpamTestMessages.personalNote()));

        assertEquals(new SpamScore(-1.9, List.of()), score);
    }

    @Test
    void aClosedPortIsUnavailableNamingHostAndPort() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        SpamdEngine engine = engineFor(new InetSocketAddress("127.0.0.1", closedPort));

        SpamEngineUnavailable unavailable = assertThrows(SpamEngineUnavailable.class,
                () -> engine.score(TestMessages.scannable(SpamTestMessages.personalNote())));

        assertTrue(unavailable.getMessage().contains("127.0.0.1:" + closedPort), unavailable.getMessage());
    }

    @Test
    void aSpamdThatAcceptsNoConnectionIsUnavailableWithinTheConnectTimeout() throws Exception {
        // A listening socket that never accepts, with its backlog filled: Linux drops further SYNs, so the connect
        // hangs as it would towards a host that is down, without sending a packet beyond the loopback interface.
        ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        toClose.add(full);
        InetSocketAddress address = new InetSocketAddress(full.getInetAddress(), full.getLocalPort());
        for (int i = 0; i < 4; i++) {
            Socket waiting = new Socket();
            toClose.add(waiting);
            try {
                waiting.connect(address, 200);
            } catch (IOException backlogFull) {
                break;
            }
        }
        SpamdEngine engine = engineFor(address);
        long started = System.nanoTime();

        assertThrows(SpamEngineUnavailable.class,
                () -> engine.score(TestMessages.scannable(SpamTestMessages.personalNote())));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(CONNECT_TIMEOUT.plusMillis(500)) < 0);
    }

    /** Small messages wait for a reply that never comes; large ones stall while being sent to a server not reading. */
    @ParameterizedTest(name = "a {0}-byte message")
    @ValueSource(ints = {100, 64 * 1024 * 1024})
    void aSpamdThatNeverAnswersIsUnavailableAfterTheTimeout(int messageBytes) throws Exception {
        FakeSpamd silent = new FakeSpamd(client -> Thread.sleep(Long.MAX_VALUE));
        SpamdEngine engine = engineFor(silent.address());
        long started = System.nanoTime();

        SpamEngineUnavailable unavailable = assertThrows(SpamEngineUnavailable.class,
                () -> engine.score(zeros(messageBytes)));

        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(waited.compareTo(TIMEOUT) >= 0, "gave up after " + waited);
        assertTrue(waited.compareTo(TIMEOUT.multipliedBy(3)) < 0, "gave up after " + waited);
        assertTrue(unavailable.getMessage().contains(TIMEOUT.toMillis() + " ms"), unavailable.getMessage());
    }

    @Test
    void aReplyTricklingInPastTheTimeoutIsUnavailable() throws Exception {
        FakeSpamd trickling = new FakeSpamd(client -> {
            client.readRequest();
            OutputStream out = client.socket().getOutputStream();
            for (byte b : EX_OK_GTUBE.getBytes(StandardCharsets.US_ASCII)) {
                out.write(b);
                out.flush();
                Thread.sleep(TIMEOUT.toMillis() / 10);
            }
        });
        SpamdEngine engine = engineFor(trickling.address());
        long started = System.nanoTime();

        assertThrows(SpamEngineUnavailable.class,
                () -> engine.score(TestMessages.scannable(SpamTestMessages.personalNote())));

        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(waited.compareTo(TIMEOUT.multipliedBy(2)) < 0, "gave up after " + waited);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SPAMD/1.0 76 Bad header line: SYMBOLS SPAMC/1.5", "SPAMD/1.0 74 EX_IOERR",
            "SPAMD/1.1 65 EX_DATAERR"})
    void aReplyCodeOtherThanExOkIsUnavailableNamingTheCode(String statusLine) throws Exception {
        FakeSpamd failing = new FakeSpamd(client -> {
            client.readRequest();
            client.reply(statusLine + "\r\n");
        });
        SpamdEngine engine = engineFor(failing.address());

        SpamEngineUnavailable unavailable = assertThrows(SpamEngineUnavailable.class,
                () -> engine.score(TestMessages.scannable(SpamTestMessages.personalNote())));

        String codeAndText = statusLine.substring(statusLine.indexOf(' ') + 1);
        assertTrue(unavailable.getMessage().contains(codeAndText), unavailable.getMessage());
        assertTrue(unavailable.getMessage().contains(failing.hostAndPort()), unavailable.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 400 Bad Request\r\n\r\n", "SPAMD/1.1 0 EX_OK\r\nContent-length: 0\r\n\r\n",
            "SPAMD/1.1 0 EX_OK\r\nSpam: True ; lots / 5.0\r\n\r\n", "\u0000\u0001garbage", "SPAMD/x 0 EX_OK\r\n\r\n"})
    void aReplyThatIsNotAScoreIsUnavailable(String reply) throws Exception {
        FakeSpamd garbled = new FakeSpamd(client -> {
            client.readRequest();
            client.reply(reply);
        });
        SpamdEngine engine = engineFor(garbled.address());

        SpamEngineUnavailable unavailable = assertThrows(SpamEngineUnavailable.class,
                () -> engine.score(TestMessages.scannable(SpamTestMessages.personalNote())));

        assertTrue(unavailable.getMessage().contains(garbled.hostAndPort()), unavailable.getMessage());
    }

    @Test
    void aConnectionClosedWithoutAReplyIsUnavailable() throws Exception {
        FakeSpamd hangingUp = new FakeSpamd(client -> client.readRequest());
        SpamdEngine engine = engineFor(hangingUp.address());

        SpamEngineUnavailable unavailable = assertThrows(SpamEngineUnavailable.class,
                () -> engine.score(TestMessages.scannable(SpamTestMessages.personalNote())));

        assertTrue(unavailable.getMessage().contains("without a reply"), unavailable.getMessage());
    }

    @Test
    void eachMessageGetsItsOwnConnection() throws Exception {
        FakeSpamd spamd = new FakeSpamd(client -> {
            client.readRequest();
            client.reply(EX_OK_GTUBE);
        });
        SpamdEngine engine = engineFor(spamd.address());

        for (int i = 0; i < 3; i++) {
            engine.score(TestMessages.scannable(SpamTestMessages.gtube()));
        }

        assertEquals(3, spamd.connectionsAccepted());
    }

    @Test
    void theAddressSettingIsHostColonPortAndNamedWhenItIsNot() {
        for (String bad : new String[] {"", "spamd", "spamd:", ":783", "spamd:port", "spamd:70000", "::1:783"}) {
            IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class,
                    () -> SpamdEngine.forAddressSetting(bad, CONNECT_TIMEOUT, TIMEOUT), bad);
            assertTrue(rejected.getMessage().contains("smtpfeed.spamd.address"), rejected.getMessage());
        }
        SpamdEngine.forAddressSetting("[::1]:783", CONNECT_TIMEOUT, TIMEOUT).close();
    }

    @Test
    void itsNameIsSpamAssassin() {
        assertEquals("SpamAssassin", engineFor(new InetSocketAddress("127.0.0.1", 783)).engine());
    }

    private static ScannableMessage zeros(int bytes) {
        return new ScannableMessage() {
            @Override
            public InputStream open() {
                return new InputStream() {
                    private int left = bytes;

                    @Override
                    public int read() {
                        return left-- > 0 ? 0 : -1;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) {
                        if (left <= 0) {
                            return -1;
                        }
                        int n = Math.min(length, left);
                        java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
                        left -= n;
                        return n;
                    }
                };
            }

            @Override
            public long size() {
                return bytes;
            }
        };
    }

    /** What the fake spamd received: the request's head lines and the bytes its Content-length announced. */
    private record Request(List<String> head, byte[] body) {
    }

    /** A stand-in for spamd on a local port, for what a real one cannot be made to do on demand. */
    private final class FakeSpamd implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        private volatile int accepted;

        FakeSpamd(Behaviour behaviour) throws IOException {
            toClose.add(this);
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        accepted++;
                        Thread handler = new Thread(() -> {
                            try (socket) {
                                behaviour.serve(new Client(socket));
                            } catch (Exception ignored) {
                                // the engine hung up, or the test ended
                            }
                        }, "fake spamd connection");
                        handler.setDaemon(true);
                        handler.start();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "fake spamd");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        InetSocketAddress address() {
            return new InetSocketAddress("127.0.0.1", server.getLocalPort());
        }

        String hostAndPort() {
            return "127.0.0.1:" + server.getLocalPort();
        }

        int connectionsAccepted() {
            return accepted;
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @FunctionalInterface
    private interface Behaviour {
        void serve(Client client) throws Exception;
    }

    /** One connection to the fake spamd. */
    private record Client(Socket socket) {

        /** Reads the request's head to its empty line, then the body its Content-length announces. */
        Request readRequest() throws IOException {
            InputStream in = socket.getInputStream();
            List<String> head = new ArrayList<>();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int contentLength = 0;
            for (int b; (b = in.read()) != -1; ) {
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                String text = line.toString(StandardCharsets.US_ASCII).strip();
                line.reset();
                if (text.isEmpty()) {
                    break;
                }
                head.add(text);
                if (text.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    contentLength = Integer.parseInt(text.substring("content-length:".length()).strip());
                }
            }
            return new Request(head, in.readNBytes(contentLength));
        }

        void reply(String reply) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }
}
