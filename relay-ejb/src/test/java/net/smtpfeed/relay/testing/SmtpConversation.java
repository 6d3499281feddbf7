package net.smtpfeed.relay.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plain SMTP client for tests that want to see each reply exactly as a sending server would: one command,
 * one (possibly multi-line) reply, nothing hidden by a mail library.
 */
public final class SmtpConversation implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    private final String greeting;

    private SmtpConversation(Socket socket) throws IOException {
        this.socket = socket;
        this.socket.setSoTimeout(30_000);
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = socket.getOutputStream();
        this.greeting = readReply();
    }

    public static SmtpConversation open(String host, int port) throws IOException {
        return new SmtpConversation(new Socket(host, port));
    }

    public String greeting() {
        return greeting;
    }

    /** Sends one command line and returns the server's reply; a multi-line reply comes back as its last line. */
    public String send(String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return readReply();
    }

    /** Sends DATA, the message (dot-stuffed here), and the final dot; returns the reply to the final dot. */
    public String data(String message) throws IOException {
        String reply = send("DATA");
        if (!reply.startsWith("354")) {
            return reply;
        }
        StringBuilder body = new StringBuilder();
        String text = message.replaceFirst("\r?\n$", "");
        for (String line : text.split("\r?\n", -1)) {
            body.append(line.startsWith(".") ? "." + line : line).append("\r\n");
        }
        return send(body + ".");
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
            line = in.readLine();
            if (line == null) {
                throw new IOException("the server closed the connection");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
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
