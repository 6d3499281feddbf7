package net.smtpfeed.relay.filter;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import net.smtpfeed.domain.spam.SpamScore;
import net.smtpfeed.relay.smtp.Envelope;

/**
 * rspamd over HTTP: the raw message is POSTed to its {@code /checkv2} endpoint, streamed behind its Content-Length, and
 * the JSON reply gives the score ({@code score}) and the rules that fired (the keys of {@code symbols}). rspamd's
 * scale is close to SpamAssassin's (its default "add header" line is 6, "reject" 15), so its score is taken as it is.
 *
 * <p>The timeout bounds the whole exchange once connected, reply body included, and the reply may be at most
 * {@value #MAX_REPLY_BYTES} bytes: a server that is not rspamd cannot hold a session or fill the heap.
 */
public final class RspamdEngine implements SpamEngine {

    public static final String URL_SETTING = "smtpfeed.rspamd.url";
    /** A checkv2 reply is a few kilobytes: the symbols and their options. */
    static final int MAX_REPLY_BYTES = 1024 * 1024;

    private final URI checkv2;
    /** The base URL, as the setting names it, for messages. */
    private final String where;
    private final Duration timeout;
    /** Connecting, then the exchange: the most one message may take. */
    private final Duration deadline;
    private final HttpClient client;
    private final JsonReaderFactory json;

    /**
     * @param baseUrl rspamd's normal worker, such as {@code http://127.0.0.1:11333}; a path, if any, is kept
     * @param timeout how long one message may take once connected: sending it, scoring it and reading the reply
     * @throws IllegalArgumentException when the URL is not http or https with a host, or a timeout is not positive
     */
    public RspamdEngine(URI baseUrl, Duration connectTimeout, Duration timeout) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null
                || baseUrl.getQuery() != null || baseUrl.getFragment() != null) {
            throw new IllegalArgumentException(URL_SETTING + " must be an http or https URL (such as "
                    + "http://127.0.0.1:11333), not '" + baseUrl + "'");
        }
        String base = baseUrl.toString();
        this.where = base;
        this.checkv2 = URI.create((base.endsWith("/") ? base : base + "/") + "checkv2");
        this.timeout = positive(timeout, "timeout");
        this.deadline = positive(connectTimeout, "connectTimeout").plus(timeout);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // rspamd speaks no HTTP/2, and an h2c upgrade offer only costs
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.json = JsonProvider.provider().createReaderFactory(Map.of());
    }

    /**
     * From the {@value #URL_SETTING} setting's value, such as {@code http://127.0.0.1:11333}.
     *
     * @throws IllegalArgumentException when the value is not an http or https URL, naming the setting
     */
    public static RspamdEngine forUrlSetting(String url, Duration connectTimeout, Duration timeout) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(URL_SETTING + " must be an http or https URL (such as "
                    + "http://127.0.0.1:11333), not '" + url + "'", e);
        }
        return new RspamdEngine(uri, connectTimeout, timeout);
    }

    @Override
    public String engine() {
        return "rspamd";
    }

    @Override
    public SpamScore score(ScannableMessage message) throws SpamEngineUnavailable {
        return send(HttpRequest.newBuilder(checkv2), message);
    }

    /**
     * With the envelope in rspamd's request headers (IP, Helo, From, one Rcpt per recipient), without which rspamd
     * takes every message for one from an unknown host (HFILTER_HOSTNAME_UNKNOWN, 2.5 points) and cannot check SPF.
     */
    @Override
    public SpamScore score(ScannableMessage message, Envelope envelope) throws SpamEngineUnavailable {
        HttpRequest.Builder request = HttpRequest.newBuilder(checkv2)
                .header("IP", envelope.clientAddress())
                .header("From", envelope.sender());
        if (envelope.helo() != null) {
            request.header("Helo", envelope.helo());
        }
        envelope.recipients().forEach(r -> request.header("Rcpt", r.address().toString()));
        return send(request, message);
    }

    private SpamScore send(HttpRequest.Builder builder, ScannableMessage message) throws SpamEngineUnavailable {
        HttpRequest request = builder
                .timeout(timeout)
                .POST(body(message))
                .build();
        CompletableFuture<HttpResponse<byte[]>> reply = client.sendAsync(request, info -> new BoundedBody());
        HttpResponse<byte[]> response;
        try {
            response = reply.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw new SpamEngineUnavailable("rspamd at " + where + " did not answer within " + timeout.toMillis()
                    + " ms", e);
        } catch (InterruptedException e) {
            reply.cancel(true);
            Thread.currentThread().interrupt();
            throw new SpamEngineUnavailable("interrupted while rspamd at " + where + " scored the message", e);
        } catch (ExecutionException e) {
            throw failed(e.getCause());
        }
        if (response.statusCode() != 200) {
            throw new SpamEngineUnavailable("rspamd at " + where + " answered " + response.statusCode() + ": "
                    + errorOf(response.body()));
        }
        return scoreOf(response.body());
    }

    private static HttpRequest.BodyPublisher body(ScannableMessage message) {
        long size = message.size();
        if (size <= 0) {
            return HttpRequest.BodyPublishers.noBody();
        }
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                return message.open();
            } catch (IOException e) {
                throw new UncheckedIOException("the message could not be read for scoring", e);
            }
        });
        return HttpRequest.BodyPublishers.fromPublisher(stream, size); // a Content-Length, not chunks
    }

    private SpamEngineUnavailable failed(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return new SpamEngineUnavailable("rspamd at " + where + " did not accept a connection in time", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new SpamEngineUnavailable("rspamd at " + where + " did not answer within " + timeout.toMillis()
                    + " ms", cause);
        }
        if (cause instanceof ConnectException) {
            return new SpamEngineUnavailable("rspamd at " + where + " is unreachable: " + cause, cause);
        }
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof UncheckedIOException unreadable) {
                return new SpamEngineUnavailable(unreadable.getMessage() + ": " + unreadable.getCause().getMessage(),
                        unreadable.getCause());
            }
        }
        return new SpamEngineUnavailable("rspamd at " + where + " failed: " + cause, cause);
    }

    private SpamScore scoreOf(byte[] body) throws SpamEngineUnavailable {
        JsonObject reply = parse(body);
        JsonValue score = reply == null ? null : reply.get("score");
        if (!(score instanceof JsonNumber points)) {
            throw new SpamEngineUnavailable("rspamd at " + where + " answered without a score: " + printable(body));
        }
        List<String> rules = new ArrayList<>();
        JsonValue symbols = reply.get("symbols");
        if (symbols instanceof JsonObject named) {
            rules.addAll(named.keySet());
        }
        return new SpamScore(points.doubleValue(), rules);
    }

    /** rspamd's error replies are {"error": "...", "error_domain": "..."}; anything else is shown as it is. */
    private String errorOf(byte[] body) {
        JsonObject reply = parse(body);
        JsonValue error = reply == null ? null : reply.get("error");
        if (error instanceof JsonString text) {
            return text.getString();
        }
        return printable(body);
    }

    /** The reply as a JSON object; null when it is not one. */
    private JsonObject parse(byte[] body) {
        try (JsonReader reader = json.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : null;
        } catch (JsonException | IllegalStateException notJson) {
            return null;
        }
    }

    private static String printable(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
        return (body.length > 200 ? text + "..." : text).replaceAll("[\\p{Cntrl}&&[^\t]]", "?");
    }

    private static Duration positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + duration);
        }
        return duration;
    }

    /** Collects the reply body, failing past {@value #MAX_REPLY_BYTES} bytes. */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > MAX_REPLY_BYTES) {
                    subscription.cancel();
                    result.completeExceptionally(new IOException("a reply of more than " + MAX_REPLY_BYTES
                            + " bytes"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
