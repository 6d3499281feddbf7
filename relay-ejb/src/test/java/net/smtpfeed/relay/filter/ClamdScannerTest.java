package net.smtpfeed.relay.filter;

import static net.smtpfeed.relay.filter.TestMessages.OWN_SIGNATURE_FILE;
import static net.smtpfeed.relay.filter.TestMessages.eicar;
import static net.smtpfeed.relay.filter.TestMessages.file;
import static net.smtpfeed.relay.filter.TestMessages.scannable;
import static net.smtpfeed.relay.filter.TestMessages.withAttachments;
import static net.smtpfeed.relay.filter.TestMessages.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ClamAV engine. Verdicts come from a real clamd, named by {@code SMTPFEED_IT_CLAMD} (host:port) and loaded with
 * the test signatures under src/test/resources/clamd (CI starts it with .ci/start-clamd); without the variable those
 * tests are skipped, and with it set but clamd unreachable they fail. Timeouts and broken connections need no clamd:
 * those tests talk to a server socket of their own.
 */
class ClamdScannerTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
    private static final Duration READ_TIMEOUT = Duration.ofMillis(700);

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeScannersAndServers() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private ClamdScanner scannerFor(InetSocketAddress address) {
        ClamdScanner scanner = new ClamdScanner(address, CONNECT_TIMEOUT, READ_TIMEOUT);
        toClose.add(scanner);
        return scanner;
    }

    @Nested
    class AgainstARealClamd {

        private ClamdScanner clamd() {
            String address = System.getenv("SMTPFEED_IT_CLAMD");
            Assumptions.assumeTrue(address != null && !address.isBlank(),
                    "SMTPFEED_IT_CLAMD names no clamd (host:port): the tests against a real clamd are skipped");
            ClamdScanner scanner = ClamdScanner.forAddressSetting(address, Duration.ofSeconds(2), Duration.ofSeconds(20));
            toClose.add(scanner);
            return scanner;
        }

        @Test
        void eicarInABase64ZipAttachmentIsInfected() throws Exception {
            ScanVerdict verdict = clamd().scan(scannable(withAttachments(zip("invoice.zip", file("eicar.com", eicar())))));

            assertTrue(verdict.isInfected());
            assertTrue(verdict.virusName().contains("Eicar"), verdict.virusName());
        }

        @Test
        void ourOwnSignatureIsFoundUnderItsUnofficialName() throws Exception {
            ScanVerdict verdict = clamd().scan(scannable(withAttachments(file("sample.bin", OWN_SIGNATURE_FILE))));

            assertEquals(ScanVerdict.infected("Smtpfeed.Test.Signature.UNOFFICIAL"), verdict);
        }

        @Test
        void aCleanMessageIsClean() throws Exception {
            ScanVerdict verdict = clamd().scan(scannable(withAttachments(
                    zip("reports.zip", file("q1.txt", "revenue up".getBytes(StandardCharsets.US_ASCII))))));

            assertEquals(ScanVerdict.CLEAN, verdict);
        }

        @Test
        void scansReuseOnePooledSession() throws Exception {
            ClamdScanner scanner = clamd();
            ScannableMessage clean = scannable(withAttachments(file("a.txt", "hello".getBytes(StandardCharsets.US_ASCII))));
            ScannableMessage infected = scannable(withAttachments(file("eicar.com", eicar())));

            for (int i = 0; i < 5; i++) {
                assertEquals(ScanVerdict.CLEAN, scanner.scan(clean));
                assertTrue(scanner.scan(infected).isInfected());
            }

            assertEquals(1, scanner.connectionsOpened());
        }

        @Test
        void concurrentScansEachGetTheirOwnMessagesVerdict() throws Exception {
            ClamdScanner scanner = clamd();
            ScannableMessage clean = scannable(withAttachments(file("a.txt", "hello".getBytes(StandardCharsets.US_ASCII))));
            ScannableMessage infected = scannable(withAttachments(zip("e.zip", file("eicar.com", eicar()))));
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<Boolean>> rightVerdicts = new ArrayList<>();
                for (int i = 0; i < 80; i++) {
                    boolean sendInfected = i % 2 == 0;
                    rightVerdicts.add(threads.submit(
                            () -> scanner.scan(sendInfected ? infected : clean).isInfected() == sendInfected));
                }
                for (Future<Boolean> rightVerdict : rightVerdicts) {
                    assertTrue(rightVerdict.get(30, TimeUnit.SECONDS));
                }
            } finally {
                threads.shutdownNow();
            }
            assertTrue(scanner.connectionsOpened() <= 8, scanner.connectionsOpened() + " connections for 8 threads");
        }
    }

    @Test
    void anUnreachableAddressIsUnavailableWithinTheConnectTimeout() {
        // 10.255.255.1 is routed nowhere: connecting either hangs until the timeout or fails at once
        ClamdScanner scanner = scannerFor(new InetSocketAddress("10.255.255.1", 3310));
        long started = System.nanoTime();

        assertThrows(ScannerUnavailable.class, () -> scanner.scan(scannable(TestMessages.plainText("hello"))));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(CONNECT_TIMEOUT.plusMillis(500)) < 0);
    }

    @Test
    void aClosedPortIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        ClamdScanner scanner = scannerFor(new InetSocketAddress("127.0.0.1", closedPort));

        assertThrows(ScannerUnavailable.class, () -> scanner.scan(scannable(TestMessages.plainText("hello"))));
    }

    /** Small messages wait for a reply that never comes; large ones stall while being sent to a server not reading. */
    @ParameterizedTest(name = "a {0}-byte message")
    @ValueSource(ints = {100, 64 * 1024 * 1024})
    void aServerThatNeverAnswersIsUnavailableAfterTheReadTimeout(int messageBytes) throws Exception {
        FakeClamd silent = new FakeClamd(client -> Thread.sleep(Long.MAX_VALUE));
        ClamdScanner scanner = scannerFor(silent.address());
        long started = System.nanoTime();

        assertThrows(ScannerUnavailable.class, () -> scanner.scan(zeros(messageBytes)));

        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(waited.compareTo(READ_TIMEOUT) >= 0, "gave up after " + waited);
        assertTrue(waited.compareTo(READ_TIMEOUT.multipliedBy(4)) < 0, "gave up after " + waited);
    }

    @ParameterizedTest
    @ValueSource(strings = {"INSTREAM size limit exceeded. ERROR", "Can't allocate memory ERROR", "UNKNOWN COMMAND"})
    void aReplyThatIsNeitherOkNorFoundIsUnavailableNotClean(String reply) throws Exception {
        FakeClamd failing = new FakeClamd(client -> client.answer("1: " + reply));
        ClamdScanner scanner = scannerFor(failing.address());

        ScannerUnavailable unavailable = assertThrows(ScannerUnavailable.class,
                () -> scanner.scan(scannable(TestMessages.plainText("hello"))));

        assertTrue(unavailable.getMessage().contains(reply), unavailable.getMessage());
    }

    @Test
    void aPooledSessionThatClamdClosedIsReplacedByAFreshConnection() throws Exception {
        // answers the first scan of each connection, then hangs up as clamd does after its IdleTimeout
        FakeClamd oneScanPerConnection = new FakeClamd(client -> client.answer("1: stream: OK"));
        ClamdScanner scanner = scannerFor(oneScanPerConnection.address());
        ScannableMessage message = scannable(TestMessages.plainText("hello"));

        assertEquals(ScanVerdict.CLEAN, scanner.scan(message));
        assertEquals(ScanVerdict.CLEAN, scanner.scan(message));

        assertEquals(2, scanner.connectionsOpened());
    }

    @Test
    void theAddressSettingIsHostColonPort() {
        assertEquals(new InetSocketAddress("127.0.0.1", 3310).getHostString(),
                ClamdScanner.parseAddress("127.0.0.1:3310").getHostString());
        assertEquals(3310, ClamdScanner.parseAddress(" clamd.internal:3310 ").getPort());
        assertEquals("::1", ClamdScanner.parseAddress("[::1]:3310").getHostString());

        for (String bad : new String[] {"", "clamd", "clamd:", ":3310", "clamd:port", "clamd:70000", "::1:3310"}) {
            IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class,
                    () -> ClamdScanner.forAddressSetting(bad, CONNECT_TIMEOUT, READ_TIMEOUT), bad);
            assertTrue(rejected.getMessage().contains("smtpfeed.clamd.address"), rejected.getMessage());
        }
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

    /** A stand-in for clamd on a local port, for what a real one cannot be made to do on demand. */
    private final class FakeClamd implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());

        FakeClamd(Behaviour behaviour) throws IOException {
            toClose.add(this);
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        Thread handler = new Thread(() -> {
                            try (socket) {
                                behaviour.serve(new Client(socket));
                            } catch (Exception ignored) {
                                // the scanner hung up, or the test ended
                            }
                        }, "fake clamd connection");
                        handler.setDaemon(true);
                        handler.start();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "fake clamd");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        InetSocketAddress address() {
            return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
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

    /** One connection to the fake clamd. */
    private record Client(Socket socket) {
        /** Reads one INSTREAM command to its end, then sends the reply. */
        void answer(String reply) throws IOException {
            InputStream in = socket.getInputStream();
            expectCommand(in, "zIDSESSION\0");
            expectCommand(in, "zINSTREAM\0");
            int length;
            while ((length = new java.io.DataInputStream(in).readInt()) > 0) {
                in.skipNBytes(length);
            }
            OutputStream out = socket.getOutputStream();
            out.write((reply + "\0").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        private static void expectCommand(InputStream in, String command) throws IOException {
            String received = new String(in.readNBytes(command.length()), StandardCharsets.US_ASCII);
            if (!received.equals(command)) {
                throw new IOException("expected " + command + ", got " + received);
            }
        }
    }
}
