package net.smtpfeed.relay.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import net.smtpfeed.domain.hosting.DeliveryTarget;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mail.EmailAddress;
import net.smtpfeed.domain.spam.SpamScore;
import net.smtpfeed.relay.smtp.AcceptingDomain;
import net.smtpfeed.relay.smtp.Envelope;

/**
 * The rspamd engine, against a test HTTP server that plays back replies recorded from a real rspamd (CI runs no
 * rspamd). The replies under src/test/resources/rspamd were recorded on 2026-11-28 from rspamd 3.4 (Debian 12's
 * package 3.4-1), started locally and offline as {@code rspamd -f -u _rspamd -g _rspamd --var LOCAL_CONFDIR=DIR
 * --var RUNDIR=DIR --var DBDIR=DIR/db --var LOGDIR=DIR} with the files under rspamd/local.d in DIR/local.d (its
 * resolver set to loopback, where nothing answers, so every DNS check fails at once; fuzzy_check, rbl and asn off; no
 * Redis, so no Bayes): {@code checkv2-personal-note.json} and {@code checkv2-gtube.json} are its replies to
 * {@code curl --data-binary @MESSAGE http://127.0.0.1:11333/checkv2} for {@link SpamTestMessages#personalNote()} and
 * {@link SpamTestMessages#gtube()} as dated that day, and {@code error-invalid-command.json} its reply (HTTP 500) to
 * the same POST to an unknown path.
 *
 * <p>What the recordings show: rspamd scores GTUBE 15.0 (its "reject" line) as a pre-result with checks skipped, and
 * the note 2.4, nearly all of it HFILTER_HOSTNAME_UNKNOWN (2.5), since the engine passes no client address or name.
 */
class RspamdEngineTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofMillis(700);

    private static final AcceptingDomain CUSTOMER = new AcceptingDomain(1, "customer.example", false, Optional.empty(),
            HostedDomain.DEFAULT_QUEUE_LIFETIME, new DeliveryTarget(new Destination("127.0.0.1", 25), false, false));

    private HttpServer server;
    private ExecutorService handlers;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
            handlers.shutdownNow();
        }
    }

    /** Serves every request at any path with the handler; returns the server's base URL. */
    private URI serve(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
        handlers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake rspamd");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            try (exchange) {
                handler.handle(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private URI replaying(int status, String recording) throws IOException {
        byte[] reply = recorded(recording);
        return serve(exchange -> {
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, reply.length);
            exchange.getResponseBody().write(reply);
        });
    }

    private RspamdEngine engineFor(URI url) {
        return new RspamdEngine(url, CONNECT_TIMEOUT, TIMEOUT);
    }

    @Test
    void gtubeScoresHighWithTheRuleGtube() throws Exception {
        RspamdEngine rspamd = engineFor(replaying(200, "checkv2-gtube.json"));

        SpamScore score = rspamd.score(TestMessages.scannable(SpamTestMessages.gtube()));

        assertEquals(new SpamScore(15.0, List.of("GTUBE")), score);
    }

    @Test
    void aPlainPersonalNoteScoresBelowTheLowThresholdWithEverySymbolAsARule() throws Exception {
        RspamdEngine rspamd = engineFor(replaying(200, "checkv2-personal-note.json"));

        SpamScore score = rspamd.score(TestMessages.scannable(SpamTestMessages.personalNote()));

        assertEquals(2.4, score.points(), 1e-9);
        assertEquals(List.of("ARC_NA", "TO_DN_ALL", "DMARC_DNSFAIL", "FROM_HAS_DN", "RCVD_COUNT_ZERO", "MIME_GOOD",
                "R_DKIM_NA", "MIME_TRACE", "RCPT_COUNT_ONE", "HFILTER_HOSTNAME_UNKNOWN", "MID_RHS_MATCH_FROMTLD"),
                score.rules());
    }

    @Test
    void theMessageIsPostedWholeToCheckv2WithItsContentLength() throws Exception {
        CompletableFuture<String> requestLine = new CompletableFuture<>();
        CompletableFuture<String> contentLength = new CompletableFuture<>();
        CompletableFuture<byte[]> body = new CompletableFuture<>();
        byte[] reply = recorded("checkv2-personal-note.json");
        URI url = serve(exchange -> {
            requestLine.complete(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            contentLength.complete(exchange.getRequestHeaders().getFirst("Content-Length"));
            body.complete(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
        });
        byte[] message = SpamTestMessages.personalNote().replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);

        engineFor(url).score(TestMessages.scannable(message));

        assertEquals("POST /checkv2", requestLine.get(5, TimeUnit.SECONDS));
        assertEquals(String.valueOf(message.length), contentLength.get(5, TimeUnit.SECONDS));
        assertArrayEquals(message, body.get(5, TimeUnit.SECONDS));
    }

    @Test
    void theEnvelopeGoesInRspamdsRequestHeaders() throws Exception {
        CompletableFuture<Map<String, List<String>>> headers = new CompletableFuture<>();
        byte[] reply = recorded("checkv2-personal-note.json");
        URI url = serve(exchange -> {
            headers.complete(Map.copyOf(exchange.getRequestHeaders()));
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
        });
        Envelope envelope = new Envelope("anna@example.org", List.of(
                new Envelope.Recipient(EmailAddress.parse("info@customer.example"), CUSTOMER),
                new Envelope.Recipient(EmailAddress.parse("sales@customer.example"), CUSTOMER)),
                "198.51.100.7", "mail.example.org");

        engineFor(url).score(TestMessages.scannable(SpamTestMessages.personalNote()), envelope);

        Map<String, List<String>> sent = headers.get(5, TimeUnit.SECONDS);
        assertEquals(List.of("198.51.100.7"), sent.get("Ip"));
        assertEquals(List.of("mail.example.org"), sent.get("Helo"));
        assertEquals(List.of("anna@example.org"), sent.get("From"));
        assertEquals(List.of("info@customer.example", "sales@customer.example"), sent.get("Rcpt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/rspamd", "/rspamd/"})
    void aPathInTheUrlIsKeptBeforeCheckv2(String path) throws Exception {
        CompletableFuture<String> requested = new CompletableFuture<>();
        byte[] reply = recorded("checkv2-personal-note.json");
        URI url = serve(exchange -> {
            requested.complete(exchange.getRequestURI().getPath());
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
        });

        RspamdEngine.forUrlSetting(url + path, CONNECT_TIMEOUT, TIMEOUT)
                .score(TestMessages.scannable(SpamTestMessages.personalNote()));

        assertEquals("/rspamd/checkv2", requested.get(5, TimeUnit.SECONDS));
    }

    @Test
    void anErrorReplyIsUnavailableNamingTheStatusAndRspamdsError() throws Exception {
        URI url = replaying(500, "error-invalid-command.json");

        SpamEngineUnavailable unavailable = assertThrows(SpamEngineUnavailable.class,
                () -> engineFor(url).score(TestMessages.scannable(SpamTestMessages.personalNote())));

        assertTrue(unavailable.getMessage().contains(url.toString()), unavailable.getMessage());
        assertTrue(unavailable.getMessage().contains("500: invalid command"), unavailable.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>Bad Gateway</html>", "{\"is_skipped\":false}", "{\"score\":\"high\"}", "[1, 2]", ""})
    void aReplyWithoutANumericScoreIsUnavailable(String reply) throws Exception {
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        URI url = serve(exchange -> {
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        });

        SpamEngineUnavailable unavailable = assertThrows(SpamEngineUnavailable.class,
                () -> engineFor(url).score(TestMessages.scannable(SpamTestMessages.personalNote())));

        assertTrue(unavailable.getMessage().contains("without a score"), unavailable.getMessage());
    }

    @Test
    void aServerThatNeverAnswersIsUnavailableAfterTheTimeout() throws Exception {
        URI url = serve(exchange -> Thread.sleep(Long.MAX_VALUE));
        long started = System.nanoTime();

        SpamEngineUnavailable unavailable = assertThrows(SpamEngineUnavailable.class,
                () -> engineFor(url).score(TestMessages.scannable(SpamTestMessages.personalNote())));

        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(waited.compareTo(TIMEOUT) >= 0, "gave up after " + waited);
        assertTrue(waited.compareTo(TIMEOUT.multipliedBy(3)) < 0, "gave up after " + waited);
        assertTrue(unavailable.getMessage().contains("did not answer within " + TIMEOUT.toMillis() + " ms"),
                unavailable.getMessage());
    }

    @Test
    void aReplyBodyTricklingInPastTheTimeoutIsUnavailable() throws Exception {
        byte[] reply = recorded("checkv2-personal-note.json");
        URI url = serve(exchange -> {
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            exchange.sendResponseHeaders(200, reply.length);
            OutputStream out = exchange.getResponseBody();
            for (byte b : reply) {
                out.write(b);
                out.flush();
                Thread.sleep(10);
            }
        });
        long started = System.nanoTime();

        assertThrows(SpamEngineUnavailable.class,
                () -> engineFor(url).score(TestMessages.scannable(SpamTestMessages.personalNote())));

        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(waited.compareTo(CONNECT_TIMEOUT.plus(TIMEOUT).plusMillis(500)) < 0, "gave up after " + waited);
    }

    @Test
    void aReplyLargerThanAnyRspamdReplyIsUnavailable() throws Exception {
        URI url = serve(exchange -> {
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            exchange.sendResponseHeaders(200, 0); // chunked, without end
            OutputStream out = exchange.getResponseBody();
            byte[] spaces = new byte[64 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 10_000; i++) {
                out.write(spaces);
            }
        });

        SpamEngineUnavailable unavailable = assertThrows(SpamEngineUnavailable.class,
                () -> engineFor(url).score(TestMessages.scannable(SpamTestMessages.personalNote())));

        assertTrue(unavailable.getMessage().contains("more than " + RspamdEngine.MAX_REPLY_BYTES + " bytes"),
                unavailable.getMessage());
    }

    @Test
    void aClosedPortIsUnavailableNamingTheUrl() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = probe.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + closedPort);

        SpamEngineUnavailable unavailable = assertThrows(SpamEngineUnavailable.class,
                () -> engineFor(url).score(TestMessages.scannable(SpamTestMessages.personalNote())));

        assertTrue(unavailable.getMessage().contains(url.toString()), unavailable.getMessage());
    }

    @Test
    void aMessageThatCannotBeReadIsUnavailable() throws Exception {
        URI url = replaying(200, "checkv2-personal-note.json");
        ScannableMessage unreadable = new ScannableMessage() {
            @Override
            public InputStream open() throws IOException {
                throw new IOException("spool file gone");
            }

            @Override
            public long size() {
                return 100;
            }
        };

        SpamEngineUnavailable unavailable = assertThrows(SpamEngineUnavailable.class,
                () -> engineFor(url).score(unreadable));

        assertTrue(unavailable.getMessage().contains("spool file gone"), unavailable.getMessage());
    }

    @Test
    void theUrlSettingMustBeAnHttpUrlAndIsNamedWhenItIsNot() {
        for (String bad : new String[] {"", "127.0.0.1:11333", "ftp://rspamd/", "http://", "http://rspamd:11333/?x=1",
                "http://rspamd:11333 /", "rspamd"}) {
            IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class,
                    () -> RspamdEngine.forUrlSetting(bad, CONNECT_TIMEOUT, TIMEOUT), bad);
            assertTrue(rejected.getMessage().contains("smtpfeed.rspamd.url"), rejected.getMessage());
        }
        RspamdEngine.forUrlSetting(" https://rspamd.internal:11333 ", CONNECT_TIMEOUT, TIMEOUT);
    }

    @Test
    void itsNameIsRspamd() {
        assertEquals("rspamd", engineFor(URI.create("http://127.0.0.1:11333")).engine());
    }

    private static byte[] recorded(String name) {
        try (InputStream in = RspamdEngineTest.class.getResourceAsStream("/rspamd/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no recorded reply rspamd/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }
}
