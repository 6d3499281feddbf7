package net.smtpfeed.relay.pop3;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLSocket;
import net.smtpfeed.relay.queue.QueuedContent;
import org.eclipse.angus.mail.smtp.SMTPOutputStream;

/**
 * One POP3 conversation, RFC 1939: AUTHORIZATION (CAPA, STLS, USER, PASS, QUIT), then TRANSACTION on the locked
 * maildrop (STAT, LIST, RETR, DELE, NOOP, RSET, TOP, UIDL, CAPA), then UPDATE at QUIT, which applies the deletions in
 * one transaction. A session that times out or breaks off applies none. USER and PASS are taken over TLS, and in
 * clear text only where the settings allow it.
 */
final class Pop3Session implements Runnable {

    private static final Logger LOG = Logger.getLogger(Pop3Session.class.getName());
    /** RFC 2449: a command line is at most 255 octets, CRLF included. */
    private static final int MAX_LINE = 255;

    private final Socket plainSocket;
    private final Pop3Settings settings;
    private final Maildrops maildrops;
    private final LoginThrottle throttle;
    private final Set<Long> lockedMaildrops;
    private final String client;

    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean tls;
    private String user;
    private Maildrop maildrop;
    private final Set<Integer> deleted = new TreeSet<>();

    Pop3Session(Socket socket, Pop3Settings settings, Maildrops maildrops, LoginThrottle throttle, Set<Long> lockedMaildrops) {
        this.plainSocket = socket;
        this.settings = settings;
        this.maildrops = maildrops;
        this.throttle = throttle;
        this.lockedMaildrops = lockedMaildrops;
        this.client = socket.getInetAddress().getHostAddress();
    }

    @Override
    public void run() {
        try {
            use(plainSocket);
            reply("+OK " + settings.hostName() + " POP3 server ready");
            String line;
            while ((line = readLine()) != null) {
                if (!execute(line)) {
                    return;
                }
            }
        } catch (SocketTimeoutException e) {
            // RFC 1939's autologout: the session ends without entering the UPDATE state.
            tryToSay("-ERR [SYS/TEMP] idle for too long, closing");
        } catch (IOException e) {
            LOG.fine(() -> "POP3 session from " + client + " ended: " + e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "POP3 session from " + client + " failed", e);
            tryToSay("-ERR [SYS/TEMP] internal error, closing");
        } finally {
            if (maildrop != null) {
                lockedMaildrops.remove(maildrop.mailboxId());
            }
            closeQuietly(socket == null ? plainSocket : socket);
            closeQuietly(plainSocket);
        }
    }

    /** Runs one command line; false when the session is over. */
    private boolean execute(String line) throws IOException {
        int space = line.indexOf(' ');
        String command = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        String argument = space < 0 ? "" : line.substring(space + 1);
        if (command.equals("QUIT")) {
            quit();
            return false;
        }
        if (command.equals("CAPA")) {
            capabilities();
            return true;
        }
        return maildrop == null ? authorization(command, argument) : transaction(command, argument);
    }

    private boolean authorization(String command, String argument) throws IOException {
        switch (command) {
            case "STLS" -> startTls();
            case "USER" -> user(argument);
            case "PASS" -> {
                return pass(argument);
            }
            default -> reply("-ERR " + (isTransactionCommand(command) ? "log in first" : "unknown command"));
        }
        return true;
    }

    private void startTls() throws IOException {
        if (tls || user != null) {
            reply("-ERR " + (tls ? "TLS is on already" : "STLS comes before USER"));
            return;
        }
        reply("+OK begin TLS negotiation");
        SSLSocket upgraded = (SSLSocket) settings.tls().getSocketFactory()
                .createSocket(plainSocket, client, plainSocket.getPort(), true);
        upgraded.setUseClientMode(false);
        upgraded.startHandshake();
        // RFC 2595: nothing the client sent before the handshake counts; the new streams start empty.
        use(upgraded);
        tls = true;
    }

    private void user(String name) throws IOException {
        if (!mayLogIn()) {
            reply("-ERR [AUTH] USER and PASS only over TLS here: say STLS first");
            return;
        }
        if (name.isBlank()) {
            reply("-ERR USER needs a mailbox name");
            return;
        }
        user = name.strip();
        reply("+OK send PASS");
    }

    /** @return false when the client is turned away and the connection closed */
    private boolean pass(String password) throws IOException {
        if (user == null) {
            reply("-ERR USER first");
            return true;
        }
        String name = user;
        user = null;
        if (!throttle.allows(client, name)) {
            LOG.warning(() -> "POP3 login to " + name + " from " + client + " refused: too many failed logins");
            reply("-ERR [AUTH] too many failed logins, try again later");
            return false;
        }
        Optional<Maildrop> opened = maildrops.open(name, password.toCharArray());
        if (opened.isEmpty()) {
            Duration delay = throttle.failed(client, name);
            LOG.info(() -> "POP3 login to " + name + " from " + client + " failed; answered after " + delay);
            pause(delay);
            reply("-ERR [AUTH] invalid user name or password");
            return true;
        }
        if (!lockedMaildrops.add(opened.get().mailboxId())) {
            reply("-ERR [IN-USE] maildrop already locked by another session");
            return true;
        }
        maildrop = opened.get();
        LOG.info(() -> "POP3 login to " + name + " from " + client + (tls ? " over TLS" : "") + ": "
                + maildrop.messages().size() + " messages");
        reply("+OK maildrop locked and ready, " + count() + " messages (" + octets() + " octets)");
        return true;
    }

    private boolean transaction(String command, String argument) throws IOException {
        switch (command) {
            case "STAT" -> reply("+OK " + count() + " " + octets());
            case "LIST" -> list(argument);
            case "UIDL" -> uidl(argument);
            case "RETR" -> retrieve(argument);
            case "TOP" -> top(argument);
            case "DELE" -> delete(argument);
            case "NOOP" -> reply("+OK");
            case "RSET" -> {
                deleted.clear();
                reply("+OK maildrop has " + count() + " messages (" + octets() + " octets)");
            }
            default -> reply("-ERR " + (command.equals("STLS") || command.equals("USER") || command.equals("PASS")
                    ? "logged in already" : "unknown command"));
        }
        return true;
    }

    private void list(String argument) throws IOException {
        if (!argument.isEmpty()) {
            Optional<Integer> number = message(argument);
            if (number.isPresent()) {
                reply("+OK " + number.get() + " " + messageAt(number.get()).size());
            }
            return;
        }
        List<String> lines = new ArrayList<>();
        forEachUndeleted((number, message) -> lines.add(number + " " + message.size()));
        multiline("+OK " + count() + " messages (" + octets() + " octets)", lines);
    }

    private void uidl(String argument) throws IOException {
        if (!argument.isEmpty()) {
            Optional<Integer> number = message(argument);
            if (number.isPresent()) {
                reply("+OK " + number.get() + " " + messageAt(number.get()).uid());
            }
            return;
        }
        List<String> lines = new ArrayList<>();
        forEachUndeleted((number, message) -> lines.add(number + " " + message.uid()));
        multiline("+OK", lines);
    }

    private void retrieve(String argument) throws IOException {
        Optional<Integer> number = message(argument);
        if (number.isEmpty()) {
            return;
        }
        Maildrop.Message message = messageAt(number.get());
        if (send(message, "+OK " + message.size() + " octets", Integer.MAX_VALUE)) {
            maildrop.retrieved(message);
        }
    }

    private void top(String argument) throws IOException {
        String[] parts = argument.split(" ");
        if (parts.length != 2 || !parts[1].matches("\\d{1,9}")) {
            reply("-ERR TOP needs a message number and a number of lines");
            return;
        }
        Optional<Integer> number = message(parts[0]);
        if (number.isPresent()) {
            send(messageAt(number.get()), "+OK top of message follows", Integer.parseInt(parts[1]));
        }
    }

    /** Sends the header section and up to bodyLines lines of the body, dot-stuffed; false when it is gone. */
    private boolean send(Maildrop.Message message, String status, int bodyLines) throws IOException {
        Optional<QueuedContent> content = maildrop.content(message);
        if (content.isEmpty()) {
            reply("-ERR [SYS/TEMP] that message is no longer in the mailbox");
            return false;
        }
        try (QueuedContent bytes = content.get(); InputStream source = bytes.open()) {
            writeLine(status);
            SMTPOutputStream stuffed = new SMTPOutputStream(out);
            copyLines(source, stuffed, bodyLines);
            stuffed.ensureAtBOL();
            stuffed.flush();
            writeLine(".");
            out.flush();
        }
        return true;
    }

    /** Copies the header section whole and then at most bodyLines lines of what follows the blank line. */
    private static void copyLines(InputStream source, OutputStream target, int bodyLines) throws IOException {
        BufferedInputStream bytes = new BufferedInputStream(source, 64 * 1024);
        if (bodyLines == Integer.MAX_VALUE) {
            bytes.transferTo(target);
            return;
        }
        boolean inHeaders = true;
        int lineLength = 0;
        int linesOfBody = 0;
        for (int b; (inHeaders || linesOfBody < bodyLines) && (b = bytes.read()) != -1; ) {
            target.write(b);
            if (b == '\n') {
                if (inHeaders && lineLength == 0) {
                    inHeaders = false;
                } else if (!inHeaders) {
                    linesOfBody++;
                }
                lineLength = 0;
            } else if (b != '\r') {
                lineLength++;
            }
        }
    }

    private void delete(String argument) throws IOException {
        Optional<Integer> number = message(argument);
        if (number.isPresent()) {
            deleted.add(number.get());
            reply("+OK message " + number.get() + " deleted");
        }
    }

    private void quit() throws IOException {
        if (maildrop == null || deleted.isEmpty()) {
            reply("+OK " + settings.hostName() + " POP3 server signing off");
            return;
        }
        List<Maildrop.Message> gone = deleted.stream().map(this::messageAt).toList();
        try {
            maildrop.delete(gone);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "POP3 deletions of " + client + " not applied", e);
            reply("-ERR [SYS/TEMP] the deleted messages could not be removed");
            return;
        }
        reply("+OK " + settings.hostName() + " POP3 server signing off (" + gone.size() + " messages deleted)");
    }

    private void capabilities() throws IOException {
        List<String> lines = new ArrayList<>(List.of("TOP", "UIDL", "RESP-CODES", "AUTH-RESP-CODE"));
        if (maildrop == null && mayLogIn()) {
            lines.add("USER");
        }
        if (maildrop == null && !tls && settings.tls() != null) {
            lines.add("STLS");
        }
        lines.add("IMPLEMENTATION smtpfeed");
        multiline("+OK capability list follows", lines);
    }

    private boolean mayLogIn() {
        return tls || switch (settings.plaintextLogin()) {
            case NEVER -> false;
            case LOOPBACK -> plainSocket.getInetAddress().isLoopbackAddress();
            case ALWAYS -> true;
        };
    }

    /** The number of an undeleted message of the maildrop; empty (and the client told) otherwise. */
    private Optional<Integer> message(String argument) throws IOException {
        if (!argument.matches("\\d{1,9}")) {
            reply("-ERR that is not a message number");
            return Optional.empty();
        }
        int number = Integer.parseInt(argument);
        if (number < 1 || number > maildrop.messages().size()) {
            reply("-ERR no such message, only " + maildrop.messages().size() + " in maildrop");
            return Optional.empty();
        }
        if (deleted.contains(number)) {
            reply("-ERR message " + number + " already deleted");
            return Optional.empty();
        }
        return Optional.of(number);
    }

    private Maildrop.Message messageAt(int number) {
        return maildrop.messages().get(number - 1);
    }

    private interface MessageLine {
        void accept(int number, Maildrop.Message message);
    }

    private void forEachUndeleted(MessageLine action) {
        for (int number = 1; number <= maildrop.messages().size(); number++) {
            if (!deleted.contains(number)) {
                action.accept(number, messageAt(number));
            }
        }
    }

    private int count() {
        return maildrop.messages().size() - deleted.size();
    }

    private long octets() {
        long total = 0;
        for (int number = 1; number <= maildrop.messages().size(); number++) {
            total += deleted.contains(number) ? 0 : messageAt(number).size();
        }
        return total;
    }

    private void use(Socket socket) throws IOException {
        socket.setSoTimeout((int) settings.idleTimeout().toMillis());
        this.socket = socket;
        in = new BufferedInputStream(socket.getInputStream());
        out = new BufferedOutputStream(socket.getOutputStream());
    }

    /** The next command line without its line end; null at the end of the stream. Too long a line ends the session. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != -1; ) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_LINE) {
                reply("-ERR line too long");
                throw new IOException("command line longer than " + MAX_LINE + " octets");
            }
            line.write(b);
        }
        return null;
    }

    private void multiline(String status, List<String> lines) throws IOException {
        writeLine(status);
        for (String line : lines) {
            writeLine(line);
        }
        writeLine(".");
        out.flush();
    }

    private void reply(String line) throws IOException {
        writeLine(line);
        out.flush();
    }

    private void writeLine(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private void tryToSay(String line) {
        try {
            reply(line);
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "could not tell " + client + ": " + e);
        }
    }

    private static boolean isTransactionCommand(String command) {
        return List.of("STAT", "LIST", "UIDL", "RETR", "TOP", "DELE", "NOOP", "RSET").contains(command);
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.fine(() -> "closing: " + e);
        }
    }
}
