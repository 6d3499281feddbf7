package net.smtpfeed.relay.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.smtpfeed.domain.hosting.DomainName;
import net.smtpfeed.relay.testing.FreePorts;
import net.smtpfeed.relay.testing.SmtpConversation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.subethamail.smtp.server.SMTPServer;

/** The replies the relay gives a sending server, over a real socket, with the queue and the hosted domains faked. */
class InboundSmtpServerTest {

    private static final long HOSTED_DOMAIN_ID = 7;
    private static final int MAX_MESSAGE_BYTES = 10_000;

    private final List<Envelope> queuedEnvelopes = new ArrayList<>();
    private final List<String> queuedBodies = new ArrayList<>();
    private RuntimeException queueFailure;
    private RuntimeException policyFailure;

    private ExecutorService threads;
    private SMTPServer server;
    private int port;

    @BeforeEach
    void startServer() throws IOException {
        RelayPolicy policy = domain -> {
            if (policyFailure != null) {
                throw policyFailure;
            }
            return domain.equals(DomainName.of("customer.example")) ? OptionalLong.of(HOSTED_DOMAIN_ID) : OptionalLong.empty();
        };
        MessageQueue queue = (envelope, message) -> {
            if (queueFailure != null) {
                throw queueFailure;
            }
            queuedEnvelopes.add(envelope);
            try (InputStream in = message.open()) {
                queuedBodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return "QUEUEID" + queuedEnvelopes.size();
        };
        port = FreePorts.any();
        threads = Executors.newCachedThreadPool();
        server = InboundSmtpServer.build(new SmtpSettings(InetAddress.getLoopbackAddress(), port, "relay.test",
                MAX_MESSAGE_BYTES, 10, Duration.ofSeconds(30)), policy, queue, threads);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop();
        threads.shutdownNow();
    }

    @Test
    void aRecipientInADomainWeDoNotHostIsRefusedAsRelaying() throws IOException {
        try (SmtpConversation smtp = connect()) {
            smtp.send("MAIL FROM:<sender@elsewhere.example>");
            assertEquals("550 5.7.1 relaying denied", smtp.send("RCPT TO:<someone@not-hosted.example>"));
        }
    }

    @Test
    void mailForAHostedDomainIsQueuedAndTheSenderToldItsQueueId() throws IOException {
        try (SmtpConversation smtp = connect()) {
            String reply = smtp.sendMail("sender@elsewhere.example", "Someone@Customer.Example",
                    "Subject: hello\r\n\r\nfirst line\r\n.leading dot\r\n");
            assertEquals("250 2.0.0 Ok: queued as QUEUEID1", reply);
        }
        Envelope envelope = queuedEnvelopes.get(0);
        assertEquals("sender@elsewhere.example", envelope.sender());
        assertEquals("Someone@customer.example", envelope.recipients().get(0).address().toString());
        assertEquals(HOSTED_DOMAIN_ID, envelope.recipients().get(0).domainId());
        assertEquals("127.0.0.1", envelope.clientAddress());
        assertEquals("client.test", envelope.helo());
        assertTrue(queuedBodies.get(0).endsWith("Subject: hello\r\n\r\nfirst line\r\n.leading dot\r\n"), queuedBodies.get(0));
        assertTrue(queuedBodies.get(0).startsWith("Received: from client.test"), "a Received header is added");
    }

    @Test
    void theNullSenderOfABounceIsAccepted() throws IOException {
        try (SmtpConversation smtp = connect()) {
            assertTrue(smtp.sendMail("", "postmaster@customer.example", "Subject: bounce\r\n\r\nbody").startsWith("250 "));
        }
        assertEquals("", queuedEnvelopes.get(0).sender());
    }

    @Test
    void aLocalSenderWithoutADottedDomainIsAccepted() throws IOException {
        try (SmtpConversation smtp = connect()) {
            assertTrue(smtp.sendMail("root@vm", "someone@customer.example", "Subject: from cron\r\n\r\nbody").startsWith("250 "));
        }
        assertEquals("root@vm", queuedEnvelopes.get(0).sender());
    }

    @Test
    void aMalformedSenderIsASyntaxError() throws IOException {
        try (SmtpConversation smtp = connect()) {
            assertTrue(smtp.send("MAIL FROM:<no-at-sign>").startsWith("501 5.1.7"));
        }
    }

    @Test
    void aMalformedRecipientIsASyntaxError() throws IOException {
        try (SmtpConversation smtp = connect()) {
            smtp.send("MAIL FROM:<sender@elsewhere.example>");
            assertTrue(smtp.send("RCPT TO:<no-domain>").startsWith("501 5.1.3"));
        }
    }

    @Test
    void whenTheHostedDomainsCannotBeReadTheRecipientIsDeferredNotRefused() throws IOException {
        policyFailure = new IllegalStateException("database down");
        try (SmtpConversation smtp = connect()) {
            smtp.send("MAIL FROM:<sender@elsewhere.example>");
            assertTrue(smtp.send("RCPT TO:<someone@customer.example>").startsWith("451 4.3.0"));
        }
    }

    @Test
    void whenTheQueueCannotStoreTheMessageItIsNotAccepted() throws IOException {
        queueFailure = new IllegalStateException("database down");
        try (SmtpConversation smtp = connect()) {
            assertTrue(smtp.sendMail("sender@elsewhere.example", "someone@customer.example", "body").startsWith("451 4.3.0"));
        }
    }

    @Test
    void aMessageOverTheSizeLimitIsRefusedAndNotQueued() throws IOException {
        try (SmtpConversation smtp = connect()) {
            String reply = smtp.sendMail("sender@elsewhere.example", "someone@customer.example", "x".repeat(MAX_MESSAGE_BYTES));
            assertTrue(reply.startsWith("552"), reply);
        }
        assertTrue(queuedEnvelopes.isEmpty());
    }

    @Test
    void theGreetingNamesTheRelay() throws IOException {
        try (SmtpConversation smtp = SmtpConversation.open("127.0.0.1", port)) {
            assertTrue(smtp.greeting().startsWith("220 relay.test ESMTP"), smtp.greeting());
        }
    }

    private SmtpConversation connect() throws IOException {
        SmtpConversation smtp = SmtpConversation.open("127.0.0.1", port);
        smtp.send("EHLO client.test");
        return smtp;
    }
}
