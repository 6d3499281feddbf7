package net.smtpfeed.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    /** One message as the server received it: the envelope and the bytes of DATA. */
    record Received(String sender, List<String> recipients, String data) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final SMTPServer server;
    private volatile String refusal;
    private volatile String refusedLocalPart;

    private CustomerMailServer(int port) {
        server = SMTPServer.port(port).bindAddress(InetAddress.getLoopbackAddress()).hostName("customer-mx.test")
                .messageHandlerFactory(Transaction::new).build();
        server.start();
    }

    static CustomerMailServer start() {
        return new CustomerMailServer(FreePorts.any());
    }

    static CustomerMailServer startOn(int port) {
        return new CustomerMailServer(port);
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
            received.add(new Received(sender, List.copyOf(recipients), new String(data.readAllBytes(), StandardCharsets.UTF_8)));
            return null;
        }

        @Override
        public void done() {
        }
    }
}
