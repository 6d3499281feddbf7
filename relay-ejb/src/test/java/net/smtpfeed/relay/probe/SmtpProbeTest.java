package net.smtpfeed.relay.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.smtpfeed.domain.feed.ConnectionTestResult;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.DomainName;
import net.smtpfeed.relay.testing.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.subethamail.wiser.Wiser;

/** Connection tests against real SMTP servers (SubEthaSMTP's Wiser) and against servers that misbehave. */
class SmtpProbeTest {

    private static final DomainName DOMAIN = DomainName.of("new.example");
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final SmtpProbe probe = new SmtpProbe("relay.test", TIMEOUT);
    private Wiser server;
    private ServerSocket rawServer;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.stop();
        }
        if (rawServer != null) {
            rawServer.close();
        }
    }

    @Test
    void aServerThatTakesMailForThePostmasterPassesAndNothingIsSent() {
        server = Wiser.accepter((from, recipient) -> true).port(FreePorts.any());
        server.start();

        ConnectionTestResult result = probe.test(new Destination("127.0.0.1", server.getServer().getPortAllocated()), DOMAIN);

        assertTrue(result.passed(), result.toString());
        assertEquals("127.0.0.1:" + server.getServer().getPortAllocated() + " accepts mail for postmaster@new.example",
                result.verdict());
        List<String> commands = result.transcript().stream().filter(line -> line.startsWith("C: ")).toList();
        assertEquals(List.of("C: EHLO relay.test", "C: MAIL FROM:<>", "C: RCPT TO:<postmaster@new.example>", "C: RSET",
                "C: QUIT"), commands);
        assertTrue(result.transcript().stream().anyMatch(line -> line.startsWith("S: 220 ")), result.transcript().toString());
        assertTrue(result.transcript().stream().filter(line -> line.startsWith("S: 250")).count() >= 4,
                result.transcript().toString());
        assertEquals(List.of(), server.getMessages());
    }

    @Test
    void aServerThatRefusesThePostmasterFailsWithItsReplyAndIsLeftPolitely() {
        server = Wiser.accepter((from, recipient) -> false).port(FreePorts.any());
        server.start();

        ConnectionTestResult result = probe.test(new Destination("127.0.0.1", server.getServer().getPortAllocated()), DOMAIN);

        assertFalse(result.passed());
        assertEquals("RCPT TO:<postmaster@new.example> was answered 553 <postmaster@new.example> address unknown.",
                result.verdict());
        assertEquals("C: QUIT", result.transcript().stream().filter(line -> line.startsWith("C: ")).reduce((a, b) -> b)
                .orElseThrow());
    }

    @Test
    void nothingListeningFailsAsARefusedConnection() {
        int port = FreePorts.any();

        ConnectionTestResult result = probe.test(new Destination("127.0.0.1", port), DOMAIN);

        assertFalse(result.passed());
        assertEquals("127.0.0.1:" + port + " refused the connection", result.verdict());
    }

    @Test
    void aServerThatNeverGreetsFailsAfterTheTimeout() throws IOException {
        rawServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        inBackground(() -> {
            try (Socket silent = rawServer.accept()) {
                Thread.sleep(TIMEOUT.multipliedBy(3).toMillis());
            } catch (IOException | InterruptedException closed) {
                // The test is over.
            }
        });
        Instant start = Instant.now();

        ConnectionTestResult result = probe.test(new Destination("127.0.0.1", rawServer.getLocalPort()), DOMAIN);

        assertFalse(result.passed());
        assertEquals("the greeting did not come within 2 seconds", result.verdict());
        assertTrue(Duration.between(start, Instant.now()).compareTo(TIMEOUT.plusSeconds(2)) < 0);
    }

    @Test
    void aServerThatTurnsUsAwayAtTheGreetingFails() throws IOException {
        rawServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        inBackground(() -> {
            try (Socket socket = rawServer.accept(); OutputStream out = socket.getOutputStream()) {
                out.write("554 5.7.1 no service for you\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closed) {
                // The test is over.
            }
        });

        ConnectionTestResult result = probe.test(new Destination("127.0.0.1", rawServer.getLocalPort()), DOMAIN);

        assertFalse(result.passed());
        assertEquals("the server greeted with 554 5.7.1 no service for you", result.verdict());
    }

    private static void inBackground(Runnable server) {
        Thread thread = new Thread(server, "misbehaving-server");
        thread.setDaemon(true);
        thread.start();
    }
}
