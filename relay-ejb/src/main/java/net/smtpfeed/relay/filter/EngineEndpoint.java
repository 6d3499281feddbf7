package net.smtpfeed.relay.filter;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * What the TCP engines (clamd, spamd) share: where the engine listens, connecting to it within a timeout (the host
 * resolved at each connect, so that an engine that moved is found), and a watchdog that closes a connection whose
 * time is up, since a socket's read timeout bounds no write.
 */
final class EngineEndpoint implements AutoCloseable {

    /** The engine could not be reached; the message says where and why. */
    static final class Unreachable extends Exception {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Reading the message itself failed: not the engine's fault, and not worth a second connection. */
    static final class MessageUnreadable extends Exception {
        MessageUnreadable(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final String engine;
    private final InetSocketAddress address;
    /** host:port, as the setting names it, for messages. */
    private final String where;
    private final int connectTimeoutMillis;
    private final ScheduledThreadPoolExecutor watchdog;

    /**
     * @param engine the engine's name in messages, such as "clamd"
     * @throws IllegalArgumentException when the connect timeout is not positive
     */
    EngineEndpoint(String engine, InetSocketAddress address, Duration connectTimeout) {
        this.engine = engine;
        this.address = Objects.requireNonNull(address, "address");
        this.where = address.getHostString() + ":" + address.getPort();
        this.connectTimeoutMillis = positiveMillis(connectTimeout, "connectTimeout");
        watchdog = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, engine + "-watchdog " + where);
            thread.setDaemon(true);
            return thread;
        });
        watchdog.setRemoveOnCancelPolicy(true);
    }

    /** "clamd at 127.0.0.1:3310", to begin a message with. */
    String describe() {
        return engine + " at " + where;
    }

    int connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    /** A new connection whose reads time out after {@code readTimeoutMillis}. */
    Socket connect(int readTimeoutMillis) throws Unreachable {
        InetSocketAddress resolved = address.isUnresolved()
                ? new InetSocketAddress(address.getHostString(), address.getPort())
                : address;
        if (resolved.isUnresolved()) {
            throw new Unreachable(engine + " host " + address.getHostString() + " does not resolve", null);
        }
        Socket socket = new Socket();
        try {
            socket.connect(resolved, connectTimeoutMillis);
            socket.setSoTimeout(readTimeoutMillis);
            socket.setTcpNoDelay(true);
            return socket;
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new Unreachable(describe() + " did not accept a connection within " + connectTimeoutMillis + " ms", e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new Unreachable(describe() + " is unreachable: " + e.getMessage(), e);
        }
    }

    /** Runs {@code timeUp} (which closes the connection) unless cancelled within the time. */
    ScheduledFuture<?> after(int millis, Runnable timeUp) {
        return watchdog.schedule(timeUp, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops the watchdog; exchanges still running finish without it. */
    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    static InputStream open(ScannableMessage message) throws MessageUnreadable {
        try {
            return message.open();
        } catch (IOException e) {
            throw new MessageUnreadable(e);
        }
    }

    /** Up to {@code length} bytes of the message; fewer only at its end. */
    static int read(InputStream content, byte[] chunk, int length) throws MessageUnreadable {
        try {
            return content.readNBytes(chunk, 0, length);
        } catch (IOException e) {
            throw new MessageUnreadable(e);
        }
    }

    static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // nothing left to do with it
        }
    }

    static int positiveMillis(Duration duration, String name) {
        long millis = Objects.requireNonNull(duration, name).toMillis();
        if (millis <= 0 || millis > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be positive and below 24 days, not " + duration);
        }
        return (int) millis;
    }
}
