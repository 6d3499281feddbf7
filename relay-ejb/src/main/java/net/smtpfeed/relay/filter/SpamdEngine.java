package net.smtpfeed.relay.filter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.smtpfeed.domain.spam.SpamScore;

/**
 * SpamAssassin's spamd over TCP, with the SPAMC/1.5 protocol's SYMBOLS command: the score and the names of the rules
 * that fired. One connection per message, as spamd closes it after each reply. The message is streamed behind its
 * Content-length (which spamd requires), never held whole.
 *
 * <p>The timeout bounds the whole exchange once connected: sending the message, spamd's scoring and its reply. A
 * socket's read timeout alone would not do: it does not bound a write that stalls because spamd stopped reading, nor
 * a reply that trickles in a byte at a time; so a watchdog closes the connection when the time is up.
 */
public final class SpamdEngine implements SpamEngine, AutoCloseable {

    public static final String ADDRESS_SETTING = "smtpfeed.spamd.address";
    private static final int CHUNK_BYTES = 64 * 1024;
    /** Headers and the comma-separated rule names: a few hundred bytes; anything longer is not spamd. */
    private static final int MAX_REPLY_BYTES = 64 * 1024;
    private static final Pattern STATUS_LINE = Pattern.compile("SPAMD/\\d+\\.\\d+ +(\\d+) *(.*)");
    /** {@code Spam: True ; 1000.0 / 5.0}; older spamd versions say Yes/No. */
    private static final Pattern SPAM_HEADER = Pattern.compile(
            "(?i)spam *: *(true|false|yes|no) *; *(-?\\d+(?:\\.\\d+)?) */ *(-?\\d+(?:\\.\\d+)?)");
    private static final int EX_OK = 0;

    private final EngineEndpoint endpoint;
    private final int timeoutMillis;

    /**
     * @param timeout how long one message may take once connected: sending it, scoring it and reading the reply
     * @throws IllegalArgumentException when a timeout is not positive
     */
    public SpamdEngine(InetSocketAddress address, Duration connectTimeout, Duration timeout) {
        this.timeoutMillis = EngineEndpoint.positiveMillis(timeout, "timeout");
        this.endpoint = new EngineEndpoint("spamd", address, connectTimeout);
    }

    /**
     * From the {@value #ADDRESS_SETTING} setting's value: {@code host:port}, or {@code [ipv6]:port}.
     *
     * @throws IllegalArgumentException when the value is not host:port, naming the setting
     */
    public static SpamdEngine forAddressSetting(String hostAndPort, Duration connectTimeout, Duration timeout) {
        return new SpamdEngine(HostAndPort.parse(hostAndPort, ADDRESS_SETTING, "127.0.0.1:783"), connectTimeout,
                timeout);
    }

    @Override
    public String engine() {
        return "SpamAssassin";
    }

    @Override
    public SpamScore score(ScannableMessage message) throws SpamEngineUnavailable {
        Socket socket = connect();
        Exchange exchange = new Exchange(socket);
        ScheduledFuture<?> deadline = endpoint.after(timeoutMillis, exchange::timeUp);
        try {
            return exchange.run(message);
        } finally {
            deadline.cancel(false);
            EngineEndpoint.closeQuietly(socket);
        }
    }

    /** Stops the watchdog. Requests still running finish, but without their deadline. */
    @Override
    public void close() {
        endpoint.close();
    }

    private Socket connect() throws SpamEngineUnavailable {
        try {
            return endpoint.connect(timeoutMillis);
        } catch (EngineEndpoint.Unreachable e) {
            throw new SpamEngineUnavailable(e.getMessage(), e.getCause());
        }
    }

    /** One message's request and reply on its own connection. */
    private final class Exchange {
        private final Socket socket;
        private volatile boolean timedOut;

        Exchange(Socket socket) {
            this.socket = socket;
        }

        void timeUp() {
            timedOut = true;
            EngineEndpoint.closeQuietly(socket);
        }

        SpamScore run(ScannableMessage message) throws SpamEngineUnavailable {
            IOException sendFailure = null;
            try {
                send(message);
            } catch (EngineEndpoint.MessageUnreadable e) {
                throw new SpamEngineUnavailable("the message could not be read for scoring: " + e.getMessage(),
                        e.getCause());
            } catch (IOException e) {
                if (timedOut || e instanceof SocketTimeoutException) {
                    throw tooSlow("take the message", e);
                }
                sendFailure = e; // spamd may have stopped reading to say why: its reply tells
            }
            Reply reply;
            try {
                reply = readReply();
            } catch (IOException e) {
                if (timedOut || e instanceof SocketTimeoutException) {
                    throw tooSlow("answer", e);
                }
                IOException cause = sendFailure != null ? sendFailure : e;
                throw new SpamEngineUnavailable(endpoint.describe() + " broke the connection: " + cause.getMessage(),
                        cause);
            }
            if (reply.head().isEmpty()) {
                IOException cause = sendFailure;
                throw new SpamEngineUnavailable(endpoint.describe() + " closed the connection without a reply"
                        + (cause == null ? "" : ": " + cause.getMessage()), cause);
            }
            return parse(reply);
        }

        private SpamEngineUnavailable tooSlow(String what, IOException cause) {
            return new SpamEngineUnavailable(endpoint.describe() + " did not " + what + " within " + timeoutMillis
                    + " ms", cause);
        }

        private void send(ScannableMessage message) throws IOException, EngineEndpoint.MessageUnreadable {
            long size = message.size();
            OutputStream out = socket.getOutputStream();
            InputStream content = EngineEndpoint.open(message);
            try {
                out.write(("SYMBOLS SPAMC/1.5\r\nContent-length: " + size + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = new byte[CHUNK_BYTES];
                long left = size;
                while (left > 0) {
                    int length = EngineEndpoint.read(content, chunk, (int) Math.min(chunk.length, left));
                    if (length == 0) {
                        throw new EngineEndpoint.MessageUnreadable(new IOException("the message ended " + left
                                + " bytes before its size of " + size + " bytes"));
                    }
                    out.write(chunk, 0, length);
                    left -= length;
                }
                out.flush();
            } finally {
                EngineEndpoint.closeQuietly(content);
            }
            socket.shutdownOutput(); // as spamc does: nothing more comes
        }

        /**
         * The reply's head up to its empty line, then as many bytes as its Content-length says (or, without one, all
         * until spamd closes the connection, as it does after each reply).
         */
        private Reply readReply() throws IOException, SpamEngineUnavailable {
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
                int b = in.read();
                if (b == -1) {
                    return new Reply(head.toString(), "");
                }
                if (head.length() == MAX_REPLY_BYTES) {
                    throw new SpamEngineUnavailable(endpoint.describe() + " sent a reply head of more than "
                            + MAX_REPLY_BYTES + " bytes");
                }
                head.append((char) b);
            }
            String headers = head.substring(0, head.length() - 4);
            int contentLength = contentLength(headers);
            if (contentLength > MAX_REPLY_BYTES) {
                throw new SpamEngineUnavailable(endpoint.describe() + " announced a reply of " + contentLength
                        + " bytes");
            }
            byte[] body = in.readNBytes(contentLength >= 0 ? contentLength : MAX_REPLY_BYTES);
            return new Reply(headers, new String(body, StandardCharsets.ISO_8859_1));
        }

        private int contentLength(String headers) throws SpamEngineUnavailable {
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    try {
                        return Integer.parseInt(line.substring("content-length:".length()).strip());
                    } catch (NumberFormatException e) {
                        throw new SpamEngineUnavailable(endpoint.describe() + " sent a bad header: "
                                + printable(line));
                    }
                }
            }
            return -1;
        }
    }

    private record Reply(String head, String body) {
    }

    /** The reply: a status line, headers (Content-length, Spam), an empty line, and the rule names. */
    private SpamScore parse(Reply reply) throws SpamEngineUnavailable {
        String[] lines = reply.head().split("\r\n");
        Matcher status = STATUS_LINE.matcher(lines[0]);
        if (!status.matches()) {
            throw new SpamEngineUnavailable(endpoint.describe() + " answered something other than SPAMD: "
                    + printable(lines[0]));
        }
        if (Integer.parseInt(status.group(1)) != EX_OK) {
            throw new SpamEngineUnavailable(endpoint.describe() + " gave no score: " + printable(status.group(1)
                    + " " + status.group(2)));
        }
        Double points = null;
        for (int i = 1; i < lines.length && points == null; i++) {
            Matcher spam = SPAM_HEADER.matcher(lines[i].strip());
            if (spam.matches()) {
                points = Double.parseDouble(spam.group(2)) + 0.0; // spamd writes "-0.0" for a sum of -0.001s
            }
        }
        if (points == null) {
            throw new SpamEngineUnavailable(endpoint.describe() + " answered EX_OK without a Spam header: "
                    + printable(reply.head()));
        }
        List<String> rules = new ArrayList<>();
        for (String rule : reply.body().split(",")) {
            if (!rule.isBlank()) {
                rules.add(rule.strip());
            }
        }
        return new SpamScore(points, rules);
    }

    private static String printable(String text) {
        String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return shown.replaceAll("[\\p{Cntrl}&&[^\t]]", "?");
    }
}
