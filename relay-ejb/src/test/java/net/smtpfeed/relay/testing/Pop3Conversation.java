package net.smtpfeed.relay.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A plain POP3 client for tests that want to see each response exactly as the server sends it. */
public final class Pop3Conversation implements AutoCloseable {

    private Socket socket;
    private BufferedReader in;
    private OutputStream out;
    private final String greeting;

    private Pop3Conversation(Socket socket) throws IOException {
        use(socket);
        greeting = readLine();
    }

    public static Pop3Conversation open(String host, int port) throws IOException {
        return new Pop3Conversation(new Socket(host, port));
    }

    public String greeting() {
        return greeting;
    }

    /** Sends one command; returns the status line of the response. */
    public String send(String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return readLine();
    }

    /** Sends a command with a multi-line response; returns its lines after the status line, unstuffed, without the dot. */
    public List<String> sendMultiline(String command) throws IOException {
        String status = send(command);
        if (!status.startsWith("+OK")) {
            throw new IOException(command + " refused: " + status);
        }
        return readBody();
    }

    /** The lines of a multi-line response up to its final dot, dot-unstuffed. */
    public List<String> readBody() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = readLine(); !line.equals("."); line = readLine()) {
            lines.add(line.startsWith("..") ? line.substring(1) : line);
        }
        return lines;
    }

    /** Logs in with USER and PASS; returns the response to PASS (or to USER, when that was refused). */
    public String login(String user, String password) throws IOException {
        String reply = send("USER " + user);
        return reply.startsWith("+OK") ? send("PASS " + password) : reply;
    }

    /** Sends STLS and, when the server agrees, makes the handshake taking any certificate. Returns the STLS response. */
    public String startTls() throws IOException {
        String reply = send("STLS");
        if (reply.startsWith("+OK")) {
            use(TrustingEveryone.upgrade(socket));
        }
        return reply;
    }

    /** Waits for what the server sends unasked, such as its goodbye on an idle session. */
    public String awaitLine() throws IOException {
        return readLine();
    }

    /** True when the server has closed the connection: nothing more comes. */
    public boolean closedByServer() throws IOException {
        return in.readLine() == null;
    }

    private void use(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(30_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
    }

    private String readLine() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("the server closed the connection");
        }
        return line;
    }

    /** Closes the connection without QUIT, as a client that breaks off does. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
