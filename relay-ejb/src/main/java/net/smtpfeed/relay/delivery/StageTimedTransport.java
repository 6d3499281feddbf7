package net.smtpfeed.relay.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Properties;
import javax.net.SocketFactory;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport with a reply timeout per stage of the conversation, as Postfix has. Angus knows one read
 * timeout for the whole conversation; this subclass keeps hold of the TCP socket it made and changes that socket's
 * read timeout before each stage. Under STARTTLS the TLS layer reads from the same socket, so the timeouts still hold.
 */
final class StageTimedTransport extends SMTPTransport {

    private final SmtpTimeouts timeouts;
    private final KeptSocket socket;
    private boolean endOfDataSent;

    private StageTimedTransport(Session session, SmtpTimeouts timeouts, KeptSocket socket) {
        super(session, new URLName("smtp", null, -1, null, null, null));
        this.timeouts = timeouts;
        this.socket = socket;
    }

    /** A transport for one connection, set up by the given mail.smtp properties and the timeouts. */
    static StageTimedTransport create(Properties smtpProperties, SmtpTimeouts timeouts) {
        KeptSocket socket = new KeptSocket();
        Properties properties = new Properties();
        properties.putAll(smtpProperties);
        properties.put("mail.smtp.socketFactory", socket);
        // Without this, Angus would retry a refused connection once more with a socket of its own.
        properties.setProperty("mail.smtp.socketFactory.fallback", "false");
        properties.setProperty("mail.smtp.connectiontimeout", millis(timeouts.connect()));
        // The greeting is read before any stage below begins.
        properties.setProperty("mail.smtp.timeout", millis(timeouts.helo()));
        properties.setProperty("mail.smtp.writetimeout", millis(timeouts.dataTransfer()));
        return new StageTimedTransport(Session.getInstance(properties), timeouts, socket);
    }

    Session session() {
        return session;
    }

    @Override
    protected boolean ehlo(String domain) throws MessagingException {
        replyTimeout(timeouts.helo());
        return super.ehlo(domain);
    }

    @Override
    protected void helo(String domain) throws MessagingException {
        replyTimeout(timeouts.helo());
        super.helo(domain);
    }

    @Override
    protected void startTLS() throws MessagingException {
        replyTimeout(timeouts.helo());
        super.startTLS();
    }

    /** Whether the connection still answers (a NOOP, given the greeting's timeout); one that does not is closed. */
    boolean stillAnswers() throws MessagingException {
        replyTimeout(timeouts.helo());
        return isConnected();
    }

    /**
     * Whether a transaction on this connection got as far as the final dot of DATA: after that, a failure leaves it
     * unknown whether the server took the message; before it, the server certainly did not.
     */
    boolean endOfDataSent() {
        return endOfDataSent;
    }

    @Override
    protected void mailFrom() throws MessagingException {
        endOfDataSent = false;
        replyTimeout(timeouts.mailRcpt());
        super.mailFrom();
    }

    @Override
    protected void rcptTo() throws MessagingException {
        replyTimeout(timeouts.mailRcpt());
        super.rcptTo();
    }

    @Override
    protected OutputStream data() throws MessagingException {
        replyTimeout(timeouts.dataInit());
        return super.data();
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        endOfDataSent = true;
        replyTimeout(timeouts.dataDone());
        super.finishData();
    }

    private void replyTimeout(Duration timeout) throws MessagingException {
        try {
            socket.made.setSoTimeout(Math.toIntExact(timeout.toMillis()));
        } catch (SocketException e) {
            throw new MessagingException("cannot set the reply timeout", e);
        }
    }

    private static String millis(Duration duration) {
        return String.valueOf(duration.toMillis());
    }

    /** Angus asks this factory for its one unconnected socket, and the transport keeps hold of it; it asks nothing else. */
    private static final class KeptSocket extends SocketFactory {

        private Socket made;

        @Override
        public Socket createSocket() throws SocketException {
            made = new Socket();
            // Angus writes the final dot of DATA as a small segment of its own: with Nagle's algorithm it waits for
            // the server's delayed ACK of the body (40 ms on Linux) before the server can even see the end of DATA.
            made.setTcpNoDelay(true);
            return made;
        }

        @Override
        public Socket createSocket(String host, int port) {
            throw new UnsupportedOperationException("Angus Mail connects the socket itself");
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            throw new UnsupportedOperationException("Angus Mail connects the socket itself");
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            throw new UnsupportedOperationException("Angus Mail connects the socket itself");
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
            throw new UnsupportedOperationException("Angus Mail connects the socket itself");
        }
    }
}
