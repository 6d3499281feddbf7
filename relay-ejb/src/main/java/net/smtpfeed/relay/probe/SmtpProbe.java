package net.smtpfeed.relay.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.smtpfeed.domain.feed.ConnectionTestResult;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.DomainName;
import net.smtpfeed.domain.net.IpAddresses;

/**
 * A connection test over a plain socket, so that every line the server sends is in the transcript exactly as it came.
 * Each reply has the same short timeout, and a reply is read only up to a bounded size: a test never hangs a staff
 * member's page, nor fills memory, whatever the server does.
 */
public final class SmtpProbe {

    private static final int MAX_LINE_BYTES = 512;
    private static final int MAX_REPLY_LINES = 40;

    private final String heloName;
    private final Duration timeout;

    /**
     * @param heloName our name in EHLO
     * @param timeout  how long to wait for the connection, and for each reply
     */
    public SmtpProbe(String heloName, Duration timeout) {
        this.heloName = heloName;
        this.timeout = timeout;
    }

    /** See {@link ConnectionProbe#test}. */
    public ConnectionTestResult test(Destination destination, DomainName domain) {
        List<String> transcript = new ArrayList<>();
        String postmaster = "postmaster@" + domain.value();
        transcript.add("Connecting to " + destination + " …");
        try (Socket socket = new Socket()) {
            try {
                socket.connect(new InetSocketAddress(InetAddress.getByAddress(IpAddresses.parse(destination.getHost())),
                        destination.getPort()), Math.toIntExact(timeout.toMillis()));
            } catch (SocketTimeoutException unanswered) {
                transcript.add("No answer.");
                return new ConnectionTestResult(false, destination + " did not answer within " + seconds(), transcript);
            }
            transcript.add("Connected.");
            Conversation smtp = new Conversation(socket, transcript);
            Reply greeting = smtp.read("the greeting");
            if (!greeting.positive()) {
                return smtp.fail("the server greeted with " + greeting);
            }
            Reply hello = smtp.send("EHLO " + heloName);
            if (hello.permanentFailure()) {
                hello = smtp.send("HELO " + heloName);
            }
            if (!hello.positive()) {
                return smtp.fail("HELO/EHLO was answered " + hello);
            }
            Reply mail = smtp.send("MAIL FROM:<>");
            if (!mail.positive()) {
                return smtp.fail("MAIL FROM:<> (the null sender, as in delivery status notifications) was answered "
                        + mail);
            }
            Reply rcpt = smtp.send("RCPT TO:<" + postmaster + ">");
            if (!rcpt.positive()) {
                return smtp.fail("RCPT TO:<" + postmaster + "> was answered " + rcpt);
            }
            smtp.send("RSET");
            smtp.quit();
            return new ConnectionTestResult(true, destination + " accepts mail for " + postmaster, transcript);
        } catch (ConnectException refused) {
            transcript.add(refused.getMessage());
            return new ConnectionTestResult(false, destination + " refused the connection", transcript);
        } catch (SocketTimeoutException slow) {
            transcript.add("No answer.");
            return new ConnectionTestResult(false, slow.getMessage(), transcript);
        } catch (SocketException unreachable) {
            transcript.add(unreachable.getMessage());
            return new ConnectionTestResult(false, "no connection to " + destination + ": " + unreachable.getMessage(),
                    transcript);
        } catch (IOException broken) {
            return new ConnectionTestResult(false, broken.getMessage(), transcript);
        }
    }

    private String seconds() {
        return timeout.toSeconds() + " seconds";
    }

    /** One reply: its code and its last line as the server wrote it. */
    private record Reply(int code, String text) {

        boolean positive() {
            return code >= 200 && code < 400;
        }

        boolean permanentFailure() {
            return code >= 500;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final class Conversation {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final List<String> transcript;

        Conversation(Socket socket, List<String> transcript) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
            this.transcript = transcript;
        }

        Reply send(String command) throws IOException {
            transcript.add("C: " + command);
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read("the reply to " + command.split(" ")[0]);
        }

        /**
         * Reads one reply, every line into the transcript.
         *
         * @param awaited what is awaited, such as "the reply to EHLO", for the verdict when it does not come
         */
        Reply read(String awaited) throws IOException {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (int lines = 1; ; lines++) {
                String line = readLine(deadline, awaited);
                transcript.add("S: " + line);
                boolean last = line.length() < 4 || line.charAt(3) != '-';
                if (last || lines == MAX_REPLY_LINES) {
                    return new Reply(code(line), line);
                }
            }
        }

        ConnectionTestResult fail(String verdict) {
            quit();
            return new ConnectionTestResult(false, verdict, transcript);
        }

        /** A polite goodbye; the test's result is known by now, so a server that hangs up first changes nothing. */
        void quit() {
            try {
                send("QUIT");
            } catch (IOException alreadyGone) {
                transcript.add("The server closed the connection.");
            }
        }

        private String readLine(long deadline, String awaited) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b; ; ) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw noReplyTo(awaited);
                }
                socket.setSoTimeout(Math.max(1, (int) Duration.ofNanos(left).toMillis()));
                try {
                    b = in.read();
                } catch (SocketTimeoutException slow) {
                    throw noReplyTo(awaited);
                }
                if (b == -1) {
                    throw new IOException("the server closed the connection before " + awaited);
                }
                if (b == '\n') {
                    return line.toString();
                }
                if (b != '\r' && line.length() < MAX_LINE_BYTES) {
                    line.append(b >= 0x20 && b < 0x7f ? (char) b : '?');
                }
            }
        }

        private SocketTimeoutException noReplyTo(String awaited) {
            return new SocketTimeoutException(awaited + " did not come within " + seconds());
        }

        private int code(String line) {
            try {
                return Integer.parseInt(line.substring(0, 3));
            } catch (RuntimeException notAReply) {
                return 0;
            }
        }
    }
}
