package net.smtpfeed.relay.testing;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain SMTP client for tests that want to see each reply exactly as a sending server would: one command,
 * one (possibly multi-line) reply, nothing hidden by a mail library.
 */
public final class SmtpConversation implements AutoCloseable {

    private static final byte[] CRLF = {'\r', '\n'};

    private Socket socket;
    private BufferedReader in;
    private OutputStream out;
    private final String greeting;

    private SmtpConversation(Socket socket) throws IOException {
        use(socket);
        this.greeting = readReply();
    }

    private void use(Socket socket) throws IOException {
        this.socket = socket;
        this.socket.setSoTimeout(30_000);
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = socket.getOutputStream();
    }

    public static SmtpConversation open(String host, int port) throws IOException {
        return new SmtpConversation(new Socket(host, port));
    }

    /** How long to wait for any one reply (30 seconds unless changed), e.g. longer for a server that queues at the dot. */
    public SmtpConversation replyTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
        return this;
    }

    public String greeting() {
        return greeting;
    }

    /** Sends one command line and returns the server's reply; a multi-line reply comes back as its last line. */
    public String send(String command) throws IOException {
        write(command + "\r\n");
        return readReply();
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends one command line and returns every line of the server's reply, as for EHLO. */
    public List<String> sendForLines(String command) throws IOException {
        write(command + "\r\n");
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = readLine();
            lines.add(line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return lines;
    }

    /** Writes several command lines at once, as a client using PIPELINING does, and returns their replies in order. */
    public List<String> pipeline(String... commands) throws IOException {
        write(String.join("\r\n", commands) + "\r\n");
        List<String> replies = new ArrayList<>();
        for (int i = 0; i < commands.length; i++) {
            replies.add(readReply());
        }
        return replies;
    }

    /**
     * Sends STARTTLS and, when the server agrees, makes the TLS handshake without checking its certificate, as sending
     * MTAs do. Returns the reply to STARTTLS.
     */
    public String startTls() throws IOException {
        String reply = send("STARTTLS");
        if (reply.startsWith("220")) {
            use(TrustingEveryone.upgrade(socket));
        }
        return reply;
    }

    /** Waits for what the server sends unasked, such as a 421 before it hangs up. */
    public String awaitReply() throws IOException {
        return readReply();
    }

    /** True when the server has closed the connection: nothing more comes. */
    public boolean closedByServer() throws IOException {
        return in.readLine() == null;
    }

    /** Sends DATA, the message (dot-stuffed here), and the final dot; returns the reply to the final dot. */
    public String data(String message) throws IOException {
        return data(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * As {@link #data(String)}, streaming the message line by line (its bytes as they are), so that a message of any
     * size costs the client no more memory than one line.
     */
    public String data(InputStream message) throws IOException {
        String reply = send("DATA");
        if (!reply.startsWith("354")) {
            return reply;
        }
        // ISO-8859-1 maps each byte to one char and back: the message's bytes go out unchanged, whatever they encode.
        BufferedReader lines = new BufferedReader(new InputStreamReader(message, StandardCharsets.ISO_8859_1), 64 * 1024);
        OutputStream body = new BufferedOutputStream(out, 64 * 1024);
        for (String line; (line = lines.readLine()) != null; ) {
            if (line.startsWith(".")) {
                body.write('.');
            }
            body.write(line.getBytes(StandardCharsets.ISO_8859_1));
            body.write(CRLF);
        }
        body.flush();
        return send(".");
    }

    /** A whole transaction for one recipient: returns the reply to the final dot, or the first refusal. */
    public String sendMail(String sender, String recipient, String message) throws IOException {
        String reply = send("MAIL FROM:<" + sender + ">");
        if (!reply.startsWith("250")) {
            return reply;
        }
        reply = send("RCPT TO:<" + recipient + ">");
        if (!reply.startsWith("250")) {
            return reply;
        }
        return data(message);
    }

    private String readReply() throws IOException {
        String line;
        do {
            line = readLine();
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    private String readLine() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("the server closed the connection");
        }
        return line;
    }

    @Override
    public void close() throws IOException {
        try {
            send("QUIT");
        } catch (IOException ignored) {
            // Closing anyway.
        }
        socket.close();
    }
}
