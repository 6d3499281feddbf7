package net.smtpfeed.relay.pop3;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A POP3 server (RFC 1939 with CAPA, UIDL, TOP and STLS of RFC 2449 and 2595): accepts connections on one thread of
 * the given executor and runs each session on another, at most {@code maxConnections} at once and
 * {@code maxConnectionsPerClient} from one address. A mailbox is held by one session at a time on this server.
 * Written here rather than taken from a library: the maintained Java POP3 server (Apache James protocols) brings Netty
 * and threads of its own, where the container's managed threads and the relay's TLS and limits are wanted.
 */
public final class Pop3Server {

    private static final Logger LOG = Logger.getLogger(Pop3Server.class.getName());

    private final Pop3Settings settings;
    private final Maildrops maildrops;
    private final LoginThrottle throttle;
    private final ExecutorService threads;
    private final Set<Long> lockedMaildrops = ConcurrentHashMap.newKeySet();
    private final Map<InetAddress, Integer> connectionsByClient = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile ServerSocket serverSocket;
    private Future<?> acceptLoop;

    Pop3Server(Pop3Settings settings, Maildrops maildrops, LoginThrottle throttle, ExecutorService threads) {
        this.settings = settings;
        this.maildrops = maildrops;
        this.throttle = throttle;
        this.threads = threads;
    }

    /** Binds the port and starts accepting; returns once the port is bound. */
    void start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(settings.bindAddress(), settings.port()), 50);
        serverSocket = socket;
        acceptLoop = threads.submit(this::acceptConnections);
    }

    /**
     * Stops accepting and returns once the port is free for the next start; sessions under way end with the executor.
     * The JDK releases a port whose accept() a thread is blocked in only when that thread returns, hence the wait.
     */
    void stop() {
        try {
            serverSocket.close();
            acceptLoop.get(5, TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            LOG.fine(() -> "closing the POP3 port: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The port bound, which is the configured one unless that was 0. */
    int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptConnections() {
        while (!serverSocket.isClosed()) {
            try {
                admit(serverSocket.accept());
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                LOG.log(Level.WARNING, "POP3 accept failed", e);
            }
        }
    }

    private void admit(Socket socket) {
        throttle.forgetOld();
        InetAddress client = socket.getInetAddress();
        boolean tooMany = connections.incrementAndGet() > settings.maxConnections()
                | connectionsByClient.merge(client, 1, Integer::sum) > settings.maxConnectionsPerClient();
        Pop3Session session = new Pop3Session(socket, settings, maildrops, throttle, lockedMaildrops);
        try {
            if (tooMany) {
                refuse(socket, "-ERR [SYS/TEMP] too many connections, try again later");
                ended(client);
                return;
            }
            threads.execute(() -> {
                try {
                    session.run();
                } finally {
                    ended(client);
                }
            });
        } catch (RejectedExecutionException e) {
            refuse(socket, "-ERR [SYS/TEMP] server busy, try again later");
            ended(client);
        }
    }

    private void ended(InetAddress client) {
        connections.decrementAndGet();
        connectionsByClient.computeIfPresent(client, (c, count) -> count == 1 ? null : count - 1);
    }

    private static void refuse(Socket socket, String reply) {
        try (socket; OutputStream out = socket.getOutputStream()) {
            out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            LOG.fine(() -> "refusing " + socket.getInetAddress() + ": " + e);
        }
    }
}
