package net.smtpfeed.e2e;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.smtpfeed.relay.testing.FreePorts;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A real SMTP server on a loopback port the test picks, standing in for a customer's own mail server (or for the
 * ISP's outbound relay that takes bounces). It records what it receives and can refuse recipients on request.
 */
final class CustomerMailServer implements AutoCloseable {

    /**
     * One message as the server received it: the envelope, the text of DATA (only its header section when the server
     * keeps no bodies), and the size and SHA-256 of the body, the bytes after the blank line that ends the headers.
     */
    record Received(String sender, List<String> recipients, String data, long bodySize, String bodySha256) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final SMTPServer server;
    private final boolean keepsBodies;
    private volatile String refusal;
    private volatile String refusedLocalPart;

    private CustomerMailServer(int port, boolean keepsBodies) {
        this.keepsBodies = keepsBodies;
        server = SMTPServer.port(port).bindAddress(InetAddress.getLoopbackAddress()).hostName("customer-mx.test")
                .messageHandlerFactory(Transaction::new).build();
        server.start();
    }

    static CustomerMailServer start() {
        return new CustomerMailServer(FreePorts.any(), true);
    }

    static CustomerMailServer startOn(int port) {
        return new CustomerMailServer(port, true);
    }

    /** For large messages: streams each body through its digest and keeps only the header section as data. */
    static CustomerMailServer startKeepingOnlyDigestsOn(int port) {
        return new CustomerMailServer(port, false);
    }

    int port() {
        return server.getPortAllocated();
    }

    /** From now on every RCPT TO gets this reply, e.g. "451 4.3.0 try later"; null accepts again. */
    void refuseEveryRecipientWith(String reply) {
        refusal = reply;
    }

    /** RCPT TO for this local part gets a permanent "550 5.1.1 user unknown". */
    void refuseLocalPart(String localPart) {
        refusedLocalPart = localPart;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until the given number of messages has arrived, then returns what arrived. */
    List<Received> awaitMessages(int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (received.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        return received();
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Transaction implements MessageHandler {

        private String sender;
        private final List<String> recipients = new ArrayList<>();

        Transaction(MessageContext context) {
        }

        @Override
        public void from(String from) {
            sender = from;
        }

        @Override
        public void recipient(String recipient) throws RejectException {
            String reply = refusal;
            if (reply != null) {
                throw new RejectException(Integer.parseInt(reply.substring(0, 3)), reply.substring(4));
            }
            if (refusedLocalPart != null && recipient.startsWith(refusedLocalPart + "@")) {
                throw new RejectException(550, "5.1.1 <" + recipient + ">: user unknown");
            }
            recipients.add(recipient);
        }

        @Override
        public String data(InputStream data) throws IOException {
            InputStream in = new BufferedInputStream(data, 64 * 1024);
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            copyHeaderSection(in, text);
            MessageDigest sha256 = sha256();
            OutputStream body = new DigestOutputStream(keepsBodies ? text : OutputStream.nullOutputStream(), sha256);
            long bodySize = in.transferTo(body);
            received.add(new Received(sender, List.copyOf(recipients), text.toString(StandardCharsets.UTF_8), bodySize,
                    HexFormat.of().formatHex(sha256.digest())));
            return null;
        }

        /** Up to and including the empty line that ends the header section (or everything, when there is none). */
        private static void copyHeaderSection(InputStream in, OutputStream out) throws IOException {
            int last4 = 0;
            for (int b; (b = in.read()) != -1; ) {
                out.write(b);
                last4 = (last4 << 8) | b;
                if (last4 == 0x0d0a0d0a) {
                    return;
                }
            }
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void done() {
        }
    }
}
