package net.smtpfeed.relay.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.relay.queue.QueuedContent;
import net.smtpfeed.relay.smtp.ServerTls;
import net.smtpfeed.relay.testing.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;
import org.subethamail.wiser.Wiser;
import org.subethamail.wiser.WiserMessage;

/** Delivery to a real SMTP server (SubEthaSMTP's Wiser) standing in for the customer's mail server. */
class SmtpDeliveryClientTest {

    private static final SmtpTimeouts QUICK = new SmtpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
            Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));

    private static final String MESSAGE = "Received: from mx.elsewhere.example\r\n\tby relay.test; Sat, 28 Nov 2026 12:00:00 +0000\r\n"
            + "From: Sender <sender@elsewhere.example>\r\nTo: someone@customer.example\r\nSubject: quarterly report\r\n"
            + "Message-ID: <abc@elsewhere.example>\r\n\r\nLine one\r\n.a line that starts with a dot\r\n\r\nlast line\r\n";

    private static final Duration REUSE = Duration.ofSeconds(2);

    private final SmtpDeliveryClient client = new SmtpDeliveryClient("relay.test", QUICK, REUSE, 5);

    @TempDir
    Path temp;

    private Wiser sink;
    private Wiser tlsSink;
    private Wiser countingSink;
    private final BlockingQueue<Boolean> tlsSinkSessionsUsedTls = new LinkedBlockingQueue<>();
    private ServerSocket stallingServer;
    private QueuedContent content;

    @BeforeEach
    void start() throws IOException {
        sink = Wiser.accepter((from, recipient) -> !recipient.startsWith("unknown@")).port(FreePorts.any());
        sink.start();
        content = QueuedContent.inMemory(MESSAGE.getBytes(StandardCharsets.US_ASCII));
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        sink.stop();
        if (tlsSink != null) {
            tlsSink.stop();
        }
        if (countingSink != null) {
            countingSink.stop();
        }
        if (stallingServer != null) {
            stallingServer.close();
        }
    }

    @Test
    void aServerThatOffersStartTlsGetsTheMessageOverTls() throws Exception {
        Destination destination = startTlsSink(ServerTls.selfSigned(temp, "customer.test"));
        List<RecipientResult> results = client.send(destination, "sender@elsewhere.example", List.of("someone@customer.example"),
                content, false);
        assertTrue(results.get(0).accepted(), results.toString());
        assertEquals(1, tlsSink.getMessages().size());
        client.close();
        assertEquals(true, tlsSinkSessionsUsedTls.poll(5, TimeUnit.SECONDS), "the session that delivered used TLS");
    }

    @Test
    void aFailedTlsHandshakeIsFollowedByDeliveryInPlainTextWhenTheDomainDoesNotRequireTls() throws Exception {
        Destination destination = startTlsSink(withoutCertificate());
        List<RecipientResult> results = client.send(destination, "sender@elsewhere.example", List.of("someone@customer.example"),
                content, false);
        assertTrue(results.get(0).accepted(), results.toString());
        assertEquals(1, tlsSink.getMessages().size());
        client.close();
        assertEquals(List.of(false, false), List.of(tlsSinkSessionsUsedTls.poll(5, TimeUnit.SECONDS),
                tlsSinkSessionsUsedTls.poll(5, TimeUnit.SECONDS)), "the failed session, then the plain one");
    }

    @Test
    void aFailedTlsHandshakeDefersTheDeliveryWhenTheDomainRequiresTls() throws Exception {
        Destination destination = startTlsSink(withoutCertificate());
        List<RecipientResult> results = client.send(destination, "sender@elsewhere.example", List.of("someone@customer.example"),
                content, true);
        assertFalse(results.get(0).accepted());
        assertTrue(results.get(0).reply().startsWith("Could not convert socket to TLS"), results.get(0).reply());
        assertTrue(tlsSink.getMessages().isEmpty());
    }

    @Test
    void aServerWithoutStartTlsGetsNothingWhenTheDomainRequiresTls() {
        List<RecipientResult> results = client.send(destination(), "sender@elsewhere.example", List.of("someone@customer.example"),
                content, true);
        assertFalse(results.get(0).accepted());
        assertEquals("STARTTLS is required but host does not support STARTTLS", results.get(0).reply());
        assertTrue(sink.getMessages().isEmpty());
    }

    @Test
    void aServerSilentAfterTheFinalDotIsGivenUpOnAfterTheDataDoneTimeout() throws IOException {
        Destination destination = startStallingServer(line -> line.equals("."));
        SmtpTimeouts timeouts = new SmtpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(300));
        assertGivenUpWithinASecond(new SmtpDeliveryClient("relay.test", timeouts, REUSE, 5), destination);
    }

    @Test
    void aServerSilentAfterMailFromIsGivenUpOnAfterTheMailTimeout() throws IOException {
        Destination destination = startStallingServer(line -> line.startsWith("MAIL FROM"));
        SmtpTimeouts timeouts = new SmtpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(300),
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertGivenUpWithinASecond(new SmtpDeliveryClient("relay.test", timeouts, REUSE, 5), destination);
    }

    private void assertGivenUpWithinASecond(SmtpDeliveryClient impatient, Destination destination) {
        long start = System.nanoTime();
        List<RecipientResult> results = impatient.send(destination, "sender@elsewhere.example",
                List.of("someone@customer.example"), content, false);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertFalse(results.get(0).accepted());
        assertTrue(results.get(0).reply().contains("Read timed out"), results.get(0).reply());
        assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "the stage's own timeout, not another's: " + took);
    }

    private Destination startTlsSink(SSLContext tls) {
        SessionHandler recordTls = new SessionHandler() {
            @Override
            public SessionAcceptance accept(Session session) {
                return SessionAcceptance.success();
            }

            @Override
            public void onSessionEnd(Session session) {
                tlsSinkSessionsUsedTls.add(session.isTLSStarted());
            }
        };
        tlsSink = Wiser.create(SMTPServer.port(FreePorts.any()).enableTLS().startTlsSocketFactory(tls).sessionHandler(recordTls));
        tlsSink.start();
        return new Destination("127.0.0.1", tlsSink.getServer().getPort());
    }

    private static SSLContext withoutCertificate() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, null, null);
        return context;
    }

    /** A server that answers like a real one until a command matches, then says nothing more. */
    private Destination startStallingServer(Predicate<String> stallAt) throws IOException {
        stallingServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread conversation = new Thread(() -> {
            try (Socket socket = stallingServer.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream();
                out.write("220 stalling.test ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                boolean inData = false;
                for (String line; (line = in.readLine()) != null; ) {
                    if (stallAt.test(line)) {
                        in.transferTo(Writer.nullWriter());
                        return;
                    }
                    String reply = inData ? (line.equals(".") ? "250 2.0.0 Ok" : null)
                            : line.startsWith("DATA") ? "354 End data with <CR><LF>.<CR><LF>" : "250 Ok";
                    inData = inData ? !line.equals(".") : line.startsWith("DATA");
                    if (reply != null) {
                        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                }
            } catch (IOException ignored) {
                // The test is over.
            }
        }, "stalling-smtp-server");
        conversation.setDaemon(true);
        conversation.start();
        return new Destination("127.0.0.1", stallingServer.getLocalPort());
    }

    @Test
    void theMessageArrivesByteForByteWithItsEnvelope() {
        List<RecipientResult> results = client.send(destination(), "sender@elsewhere.example",
                List.of("someone@customer.example", "other@customer.example"), content, false);

        assertTrue(results.stream().allMatch(RecipientResult::accepted), results.toString());
        assertTrue(results.get(0).reply().startsWith("250"), results.get(0).reply());
        assertEquals(2, sink.getMessages().size());
        WiserMessage received = sink.getMessages().get(0);
        assertEquals("sender@elsewhere.example", received.getEnvelopeSender());
        assertEquals("someone@customer.example", received.getEnvelopeReceiver());
        assertTrue(new String(received.getData(), StandardCharsets.US_ASCII).endsWith(MESSAGE),
                "the customer's server gets our bytes after its own Received header");
    }

    @Test
    void aBounceGoesOutWithTheNullSender() {
        client.send(destination(), "", List.of("someone@customer.example"), content, false);
        assertEquals("", sink.getMessages().get(0).getEnvelopeSender());
    }

    @Test
    void aRecipientTheServerRefusesIsNotDeliveredWhileTheOthersAre() {
        List<RecipientResult> results = client.send(destination(), "sender@elsewhere.example",
                List.of("someone@customer.example", "unknown@customer.example"), content, false);
        assertTrue(results.get(0).accepted());
        assertFalse(results.get(1).accepted());
        assertTrue(results.get(1).reply().startsWith("553 "), "the server's own reply to that RCPT: " + results.get(1).reply());
        assertEquals(List.of("someone@customer.example"), sink.getMessages().stream().map(WiserMessage::getEnvelopeReceiver).toList());
    }

    @Test
    void aServerThatIsDownLeavesEveryRecipientUndeliveredWithTheReason() {
        List<RecipientResult> results = client.send(new Destination("127.0.0.1", FreePorts.any()), "sender@elsewhere.example",
                List.of("someone@customer.example", "other@customer.example"), content, false);
        assertEquals(2, results.size());
        assertTrue(results.stream().noneMatch(RecipientResult::accepted));
        assertTrue(results.get(0).reply().contains("onnect"), results.get(0).reply());
    }

    @Test
    void theMessageIsSentInOneTransactionForAllRecipients() {
        client.send(destination(), "sender@elsewhere.example", List.of("a@customer.example", "b@customer.example"), content, false);
        byte[] first = sink.getMessages().get(0).getData();
        assertArrayEquals(first, sink.getMessages().get(1).getData(), "Wiser records one copy per recipient of the one DATA");
    }

    @Test
    void messagesToOneServerOneAfterTheOtherShareOneConnection() {
        CountingSessions sessions = new CountingSessions();
        Destination destination = startCountingSink(SMTPServer.port(FreePorts.any()), sessions);

        for (int i = 0; i < 3; i++) {
            List<RecipientResult> results = client.send(destination, "sender@elsewhere.example",
                    List.of("someone@customer.example"), content, false);
            assertTrue(results.get(0).accepted(), results.toString());
        }

        assertEquals(3, countingSink.getMessages().size());
        assertEquals(1, sessions.started.get(), "one connection, one EHLO, three transactions");
    }

    @Test
    void aKeptConnectionTheServerClosedMeanwhileIsReplacedAndTheMessageDelivered() throws InterruptedException {
        CountingSessions sessions = new CountingSessions();
        Destination destination = startCountingSink(
                SMTPServer.port(FreePorts.any()).connectionTimeout(200, TimeUnit.MILLISECONDS), sessions);
        client.send(destination, "sender@elsewhere.example", List.of("someone@customer.example"), content, false);
        Thread.sleep(600);

        List<RecipientResult> results = client.send(destination, "sender@elsewhere.example",
                List.of("someone@customer.example"), content, false);

        assertTrue(results.get(0).accepted(), results.toString());
        assertEquals(2, countingSink.getMessages().size());
        assertEquals(2, sessions.started.get());
    }

    @Test
    void anIdleConnectionIsClosedOnceItOutlivesTheReuseLimit() throws InterruptedException {
        CountingSessions sessions = new CountingSessions();
        Destination destination = startCountingSink(SMTPServer.port(FreePorts.any()), sessions);
        try (SmtpDeliveryClient briefReuse = new SmtpDeliveryClient("relay.test", QUICK, Duration.ofMillis(100), 5)) {
            briefReuse.send(destination, "sender@elsewhere.example", List.of("someone@customer.example"), content, false);
            Thread.sleep(300);

            briefReuse.closeIdleConnections();

            assertEquals(Boolean.TRUE, sessions.ended.poll(5, TimeUnit.SECONDS), "the server saw the connection end");
        }
    }

    private Destination startCountingSink(SMTPServer.Builder server, CountingSessions sessions) {
        countingSink = Wiser.create(server.sessionHandler(sessions));
        countingSink.start();
        return new Destination("127.0.0.1", countingSink.getServer().getPort());
    }

    private static final class CountingSessions implements SessionHandler {

        final AtomicInteger started = new AtomicInteger();
        final BlockingQueue<Boolean> ended = new LinkedBlockingQueue<>();

        @Override
        public SessionAcceptance accept(Session session) {
            started.incrementAndGet();
            return SessionAcceptance.success();
        }

        @Override
        public void onSessionEnd(Session session) {
            ended.add(true);
        }
    }

    private Destination destination() {
        return new Destination("127.0.0.1", sink.getServer().getPort());
    }
}
