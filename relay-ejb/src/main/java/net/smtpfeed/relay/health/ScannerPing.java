package net.smtpfeed.relay.health;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** Asks an external scanner whether it is there, with the ping of its own protocol; no message is sent. */
final class ScannerPing {

    private ScannerPing() {
    }

    /** clamd: "zPING" answers "PONG". Returns the problem, or empty when it answered. */
    static Optional<String> clamd(String hostAndPort, Duration timeout) {
        return ask(hostAndPort, "zPING\0", "PONG", timeout);
    }

    /** spamd: "PING SPAMC/1.5" answers "SPAMD/1.5 0 PONG". */
    static Optional<String> spamd(String hostAndPort, Duration timeout) {
        return ask(hostAndPort, "PING SPAMC/1.5\r\n\r\n", "PONG", timeout);
    }

    /** rspamd: GET /ping answers "pong". */
    static Optional<String> rspamd(String url, Duration timeout) {
        URI uri = URI.create(url.strip());
        int port = uri.getPort() > 0 ? uri.getPort() : 11333;
        return ask(uri.getHost() + ":" + port, "GET /ping HTTP/1.0\r\nHost: " + uri.getHost() + "\r\n\r\n", "pong",
                timeout);
    }

    private static Optional<String> ask(String hostAndPort, String question, String answer, Duration timeout) {
        int colon = hostAndPort.lastIndexOf(':');
        String host = hostAndPort.substring(0, colon).replace("[", "").replace("]", "");
        int port = Integer.parseInt(hostAndPort.substring(colon + 1).strip());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(question.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = readSome(socket.getInputStream());
            return reply.contains(answer) ? Optional.empty()
                    : Optional.of("unexpected answer to its ping: " + reply.strip().lines().findFirst().orElse(""));
        } catch (IOException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String readSome(InputStream in) throws IOException {
        byte[] buffer = new byte[512];
        StringBuilder reply = new StringBuilder();
        int read;
        while (reply.length() < 512 && (read = in.read(buffer)) > 0) {
            reply.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
        }
        return reply.toString();
    }
}
