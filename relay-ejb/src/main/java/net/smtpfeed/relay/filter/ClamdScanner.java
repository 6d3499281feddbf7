package net.smtpfeed.relay.filter;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ClamAV's clamd over TCP, with the INSTREAM command. The message is streamed in chunks, never held whole. Idle
 * connections are kept in a small pool inside clamd sessions (IDSESSION), so that a scan does not pay for a new
 * connection; a pooled connection that clamd has meanwhile closed is replaced by a fresh one.
 *
 * <p>No Java clamd client on Maven Central offers sessions, timeouts on both connect and read, and no framework
 * dependencies, so the protocol's few lines are here.
 */
public final class ClamdScanner implements VirusScanner, AutoCloseable {

    public static final String ADDRESS_SETTING = "smtpfeed.clamd.address";
    static final int IDLE_CONNECTIONS = 4;
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final int MAX_REPLY_BYTES = 4096;

    private final EngineEndpoint endpoint;
    private final int readTimeoutMillis;
    private final BlockingQueue<Session> idle = new ArrayBlockingQueue<>(IDLE_CONNECTIONS);
    private final AtomicInteger connectionsOpened = new AtomicInteger();

    public ClamdScanner(InetSocketAddress address, Duration connectTimeout, Duration readTimeout) {
        this.readTimeoutMillis = EngineEndpoint.positiveMillis(readTimeout, "readTimeout");
        this.endpoint = new EngineEndpoint("clamd", address, connectTimeout);
    }

    /** From the {@value #ADDRESS_SETTING} setting's value: {@code host:port}, or {@code [ipv6]:port}. */
    public static ClamdScanner forAddressSetting(String hostAndPort, Duration connectTimeout, Duration readTimeout) {
        return new ClamdScanner(parseAddress(hostAndPort), connectTimeout, readTimeout);
    }

    static InetSocketAddress parseAddress(String hostAndPort) {
        return HostAndPort.parse(hostAndPort, ADDRESS_SETTING, "127.0.0.1:3310");
    }

    @Override
    public String engine() {
        return "ClamAV";
    }

    @Override
    public ScanVerdict scan(ScannableMessage message) throws ScannerUnavailable {
        Session pooled = idle.poll();
        if (pooled != null) {
            try {
                return scanAndKeep(pooled, message);
            } catch (StaleConnection stale) {
                // clamd closed this idle session (its IdleTimeout, a restart), so it most likely closed the other
                // idle ones too: drop them all rather than send the message once more to each
                closeIdleSessions();
            }
        }
        Session fresh = open();
        try {
            return scanAndKeep(fresh, message);
        } catch (StaleConnection stale) {
            throw new ScannerUnavailable(endpoint.describe() + " closed a new connection without a reply",
                    stale.getCause());
        }
    }

    private ScanVerdict scanAndKeep(Session session, ScannableMessage message)
            throws ScannerUnavailable, StaleConnection {
        boolean reusable = false;
        try {
            String reply = session.instream(message);
            ScanVerdict verdict = verdictOf(reply);
            reusable = true;
            return verdict;
        } finally {
            if (!reusable) {
                session.abort();
            } else if (!idle.offer(session)) {
                session.end();
            }
        }
    }

    private ScanVerdict verdictOf(String reply) throws ScannerUnavailable {
        String result = reply.startsWith("stream: ") ? reply.substring("stream: ".length()) : reply;
        if (result.equals("OK")) {
            return ScanVerdict.CLEAN;
        }
        if (result.endsWith(" FOUND")) {
            return ScanVerdict.infected(result.substring(0, result.length() - " FOUND".length()));
        }
        // "INSTREAM size limit exceeded. ERROR", "... ERROR", or anything else: no verdict, so never clean
        throw new ScannerUnavailable(endpoint.describe() + " gave no verdict: " + reply);
    }

    /** Connections opened to clamd since this scanner was made; the rest of the scans reused pooled ones. */
    int connectionsOpened() {
        return connectionsOpened.get();
    }

    /** Ends the idle sessions and stops the watchdog. Scans still running finish, but their connection closes. */
    @Override
    public void close() {
        closeIdleSessions();
        endpoint.close();
    }

    private void closeIdleSessions() {
        Session session;
        while ((session = idle.poll()) != null) {
            session.end();
        }
    }

    private Session open() throws ScannerUnavailable {
        Socket socket;
        try {
            socket = endpoint.connect(readTimeoutMillis);
        } catch (EngineEndpoint.Unreachable e) {
            throw new ScannerUnavailable(e.getMessage(), e.getCause());
        }
        try {
            connectionsOpened.incrementAndGet();
            Session session = new Session(socket);
            session.startIdSession();
            return session;
        } catch (IOException e) {
            EngineEndpoint.closeQuietly(socket);
            throw new ScannerUnavailable(endpoint.describe() + " is unreachable: " + e.getMessage(), e);
        }
    }

    /** The connection failed before clamd sent any byte of a reply: the message may be sent again elsewhere. */
    private static final class StaleConnection extends Exception {
        StaleConnection(IOException cause) {
            super(cause);
        }
    }

    /** One connection inside {@code zIDSESSION}: each command's reply starts with its number in the session. */
    private final class Session {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private int lastRequestNumber;
        private volatile boolean writeStalled;

        Session(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.in = socket.getInputStream();
        }

        void startIdSession() throws IOException {
            out.write(command("IDSESSION"));
            out.flush();
        }

        String instream(ScannableMessage message) throws ScannerUnavailable, StaleConnection {
            int requestNumber = lastRequestNumber + 1;
            lastRequestNumber = requestNumber;
            IOException sendFailure = null;
            try {
                send(message);
            } catch (EngineEndpoint.MessageUnreadable e) {
                throw new ScannerUnavailable("the message could not be read for scanning", e.getCause());
            } catch (SocketTimeoutException e) {
                throw new ScannerUnavailable(endpoint.describe() + " did not take the message within "
                        + readTimeoutMillis + " ms", e);
            } catch (IOException e) {
                sendFailure = e; // clamd may have stopped reading to say why (a size limit): its reply tells
            }
            String reply;
            try {
                reply = readReply();
            } catch (SocketTimeoutException e) {
                throw new ScannerUnavailable(endpoint.describe() + " did not answer within " + readTimeoutMillis
                        + " ms", e);
            } catch (EOFException e) {
                throw new StaleConnection(sendFailure != null ? sendFailure : e);
            } catch (IOException e) {
                if (e.getMessage() != null && e.getMessage().contains("reply too long")) {
                    throw new ScannerUnavailable(endpoint.describe() + ": " + e.getMessage(), e);
                }
                throw new StaleConnection(sendFailure != null ? sendFailure : e);
            }
            String prefix = requestNumber + ": ";
            if (!reply.startsWith(prefix)) {
                throw new ScannerUnavailable(endpoint.describe() + " answered out of turn: " + reply);
            }
            return reply.substring(prefix.length());
        }

        private void send(ScannableMessage message) throws IOException, EngineEndpoint.MessageUnreadable {
            byte[] chunk = new byte[CHUNK_BYTES];
            try (InputStream content = EngineEndpoint.open(message)) {
                writeGuarded(command("INSTREAM"), 0, -1);
                int length;
                while ((length = EngineEndpoint.read(content, chunk, chunk.length)) > 0) {
                    writeGuarded(chunk, 0, length);
                }
                writeGuarded(null, 0, 0);
                out.flush();
            }
        }

        /** Writes a chunk behind its 4-byte length (or a raw command when length is -1), bounded by the timeout. */
        private void writeGuarded(byte[] bytes, int offset, int length) throws IOException {
            ScheduledFuture<?> watchdog = endpoint.after(readTimeoutMillis, this::abortStalledWrite);
            try {
                if (length < 0) {
                    out.write(bytes);
                } else {
                    out.write(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                            (byte) length});
                    if (length > 0) {
                        out.write(bytes, offset, length);
                    }
                }
            } catch (IOException e) {
                if (writeStalled) {
                    throw new SocketTimeoutException("write stalled");
                }
                throw e;
            } finally {
                watchdog.cancel(false);
            }
        }

        private void abortStalledWrite() {
            writeStalled = true;
            abort();
        }

        private String readReply() throws IOException {
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != 0) {
                if (b == -1) {
                    if (reply.size() == 0) {
                        throw new EOFException("clamd closed the connection");
                    }
                    break; // clamd closes after some errors without the terminating NUL
                }
                if (reply.size() == MAX_REPLY_BYTES) {
                    throw new IOException("clamd reply too long");
                }
                reply.write(b);
            }
            return reply.toString(StandardCharsets.US_ASCII).strip();
        }

        /** Ends an idle session politely: clamd has nothing left to send or to read on it. */
        void end() {
            try {
                out.write(command("END"));
                out.flush();
            } catch (IOException ignored) {
                // closing anyway
            }
            abort();
        }

        /** Drops the connection at once, whatever state it is in. */
        void abort() {
            EngineEndpoint.closeQuietly(socket);
        }
    }

    private static byte[] command(String name) {
        return ("z" + name + "\0").getBytes(StandardCharsets.US_ASCII);
    }
}
