package net.smtpfeed.relay.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import net.smtpfeed.domain.greylist.GreylistVerdict;
import net.smtpfeed.domain.hosting.DeliveryTarget;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.DomainName;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mail.Stage;
import net.smtpfeed.relay.testing.FreePorts;
import net.smtpfeed.relay.testing.SmtpConversation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/** The replies the relay gives a sending server, over a real socket, with the queue and the hosted domains faked. */
class InboundSmtpServerTest {

    private static final long HOSTED_DOMAIN_ID = 7;
    private static final long GREYLISTING_DOMAIN_ID = 8;
    private static final int MAX_MESSAGE_BYTES = 10_000;
    private static final int MAX_RECIPIENTS = 3;
    private static final int MAX_CONNECTIONS_PER_CLIENT = 2;
    private static final int MAX_ERRORS = 3;
    private static final int MAX_HOPS = 50;
    private static final SmtpLimits LIMITS = new SmtpLimits(MAX_MESSAGE_BYTES, MAX_RECIPIENTS, 10, MAX_CONNECTIONS_PER_CLIENT,
            MAX_ERRORS, MAX_HOPS);

    @TempDir
    static Path dataDirectory;
    private static SSLContext tls;

    private final List<Envelope> queuedEnvelopes = new ArrayList<>();
    private final List<String> queuedBodies = new ArrayList<>();
    private final List<List<Finding>> queuedFindings = new ArrayList<>();
    private RuntimeException queueFailure;
    private RuntimeException policyFailure;
    private RejectException inspectionRefusal;

    private final List<SMTPServer> servers = new ArrayList<>();
    private ExecutorService threads;
    private int port;

    @BeforeAll
    static void makeCertificate() {
        tls = ServerTls.selfSigned(dataDirectory, "relay.test");
    }

    @BeforeEach
    void startServer() {
        threads = Executors.newCachedThreadPool();
        port = start(Duration.ofSeconds(30));
    }

    private static final DeliveryTarget SINK = new DeliveryTarget(new Destination("127.0.0.1", 2626), false, false);

    private int start(Duration idleTimeout) {
        RelayPolicy policy = recipient -> {
            if (policyFailure != null) {
                throw policyFailure;
            }
            DomainName domain = recipient.domain();
            return domain.equals(DomainName.of("customer.example")) ? new RecipientCheck.Accepted(new AcceptingDomain(
                    HOSTED_DOMAIN_ID, "customer.example", false, Optional.empty(), HostedDomain.DEFAULT_QUEUE_LIFETIME, SINK))
                    : domain.equals(DomainName.of("greylisting.example")) ? new RecipientCheck.Accepted(new AcceptingDomain(
                    GREYLISTING_DOMAIN_ID, "greylisting.example", true, Optional.empty(), HostedDomain.DEFAULT_QUEUE_LIFETIME,
                    SINK))
                    : domain.equals(DomainName.of("mailboxes.example")) && !recipient.localPart().equals("info")
                    ? RecipientCheck.Refused.noMailbox(recipient)
                    : RecipientCheck.Refused.RELAYING;
        };
        Greylisting greylisting = (client, sender, recipient) -> recipient.startsWith("returning@")
                ? new GreylistVerdict.Pass("retried after 300 s") : new GreylistVerdict.Defer(Duration.ofSeconds(300));
        ContentInspection inspection = (envelope, message) -> {
            if (inspectionRefusal != null) {
                throw inspectionRefusal;
            }
            return Inspection.of(List.of(new Finding(Instant.EPOCH, Stage.VIRUS_SCAN, "CLEAN",
                    "inspected " + message.size() + " bytes")));
        };
        MessageQueue queue = (envelope, message, inspected) -> {
            if (queueFailure != null) {
                throw queueFailure;
            }
            queuedEnvelopes.add(envelope);
            queuedFindings.add(inspected.findings());
            try (InputStream in = message.open()) {
                queuedBodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return "QUEUEID" + queuedEnvelopes.size();
        };
        int freePort = FreePorts.any();
        SMTPServer server = InboundSmtpServer.build(new SmtpSettings(InetAddress.getLoopbackAddress(), freePort, "relay.test",
                idleTimeout, LIMITS, tls), policy, greylisting, inspection, queue, threads);
        server.start();
        servers.add(server);
        return freePort;
    }

    @AfterEach
    void stopServers() {
        servers.forEach(SMTPServer::stop);
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
    void anAddressWithoutAMailboxInADomainOnMailboxesIsRefusedAsUnknown() throws IOException {
        try (SmtpConversation smtp = connect()) {
            smtp.send("MAIL FROM:<sender@elsewhere.example>");
            assertEquals("550 5.1.1 <nobody@mailboxes.example>: no such mailbox", smtp.send("RCPT TO:<nobody@mailboxes.example>"));
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
    void aMessageOverTheSizeLimitIsRefusedAtTheEndOfDataAndNotQueued() throws IOException {
        try (SmtpConversation smtp = connect()) {
            String reply = smtp.sendMail("sender@elsewhere.example", "someone@customer.example", "x".repeat(MAX_MESSAGE_BYTES));
            assertEquals("552 5.3.4 message size exceeds fixed limit of 10000 bytes", reply);
        }
        assertTrue(queuedEnvelopes.isEmpty());
    }

    @Test
    void ehloAdvertisesPipeliningSizeStartTlsEnhancedStatusCodesAnd8BitMime() throws IOException {
        try (SmtpConversation smtp = SmtpConversation.open("127.0.0.1", port)) {
            List<String> lines = smtp.sendForLines("EHLO client.test");
            assertEquals("250-relay.test", lines.get(0));
            assertTrue(lines.containsAll(List.of("250-PIPELINING", "250-SIZE 10000", "250-STARTTLS", "250-ENHANCEDSTATUSCODES",
                    "250-8BITMIME")), lines.toString());
        }
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrderAndTheMessageIsQueued() throws IOException {
        try (SmtpConversation smtp = SmtpConversation.open("127.0.0.1", port)) {
            List<String> replies = smtp.pipeline("EHLO client.test", "MAIL FROM:<sender@elsewhere.example>",
                    "RCPT TO:<someone@customer.example>", "RCPT TO:<nobody@not-hosted.example>", "DATA");
            assertEquals(List.of("250 CHUNKING", "250 Ok", "250 Ok", "550 5.7.1 relaying denied", "354 End data with <CR><LF>.<CR><LF>"),
                    replies);
            assertEquals("250 2.0.0 Ok: queued as QUEUEID1", smtp.send("Subject: pipelined\r\n\r\nbody\r\n."));
        }
    }

    @Test
    void aQuitPipelinedAfterTheFinalDotIsAnswered() throws IOException {
        try (SmtpConversation smtp = connect()) {
            smtp.send("MAIL FROM:<sender@elsewhere.example>");
            smtp.send("RCPT TO:<someone@customer.example>");
            List<String> replies = smtp.pipeline("DATA", "Subject: pipelined\r\n\r\n..stuffed\r\n.", "QUIT");
            assertEquals(List.of("354 End data with <CR><LF>.<CR><LF>", "250 2.0.0 Ok: queued as QUEUEID1", "221 Bye"), replies);
            assertTrue(smtp.closedByServer());
        }
        assertTrue(queuedBodies.get(0).endsWith("\r\nSubject: pipelined\r\n\r\n.stuffed\r\n"), queuedBodies.get(0));
    }

    @Test
    void aStuffedFirstLineArrivesUnstuffed() throws IOException {
        try (SmtpConversation smtp = connect()) {
            assertTrue(smtp.sendMail("sender@elsewhere.example", "someone@customer.example", ".no headers\r\n")
                    .startsWith("250 2.0.0"));
        }
        assertTrue(queuedBodies.get(0).endsWith("\r\n.no headers\r\n"), queuedBodies.get(0));
    }

    @Test
    void anEmptyMessageIsQueuedWithOnlyOurReceivedHeader() throws IOException {
        try (SmtpConversation smtp = connect()) {
            assertTrue(smtp.sendMail("sender@elsewhere.example", "someone@customer.example", "").startsWith("250 2.0.0"));
        }
        assertTrue(queuedBodies.get(0).matches("Received: [^\r]+\r\n\tby [^\r]+\r\n\tfor [^\r]+\r\n"),
                queuedBodies.get(0));
    }

    @Test
    void dataBeforeMailOrRcptIsRefusedWith503AndAnEnhancedStatusCode() throws IOException {
        try (SmtpConversation smtp = connect()) {
            assertEquals("503 5.5.1 Error: need MAIL command", smtp.send("DATA"));
            smtp.send("MAIL FROM:<sender@elsewhere.example>");
            assertEquals("503 5.5.1 Error: need RCPT command", smtp.send("DATA"));
        }
    }

    @Test
    void aDeclaredSizeOverTheLimitIsRefusedAtMailFrom() throws IOException {
        try (SmtpConversation smtp = connect()) {
            assertEquals("552 5.3.4 Message size exceeds fixed limit of 10000 bytes",
                    smtp.send("MAIL FROM:<sender@elsewhere.example> SIZE=10001"));
        }
    }

    @Test
    void aDeclaredSizeBeyondTwoGigabytesIsRefusedAndTheSessionGoesOn() throws IOException {
        try (SmtpConversation smtp = connect()) {
            assertEquals("552 5.3.4 Message size exceeds fixed limit of 10000 bytes",
                    smtp.send("MAIL FROM:<sender@elsewhere.example> SIZE=99999999999"));
            assertEquals("250 Ok", smtp.send("MAIL FROM:<sender@elsewhere.example> SIZE=10000"));
        }
    }

    @Test
    void afterStartTlsTheClientSaysEhloAgainAndTheReceivedHeaderNamesTheCipher() throws IOException {
        try (SmtpConversation smtp = connect()) {
            assertEquals("220 Ready to start TLS", smtp.startTls());
            List<String> ehlo = smtp.sendForLines("EHLO client.test");
            assertFalse(ehlo.contains("250-STARTTLS"), "not offered again once TLS is on: " + ehlo);
            assertTrue(smtp.sendMail("sender@elsewhere.example", "someone@customer.example", "Subject: secret\r\n\r\nbody")
                    .startsWith("250 2.0.0 Ok: queued as"));
        }
        String header = queuedBodies.get(0).substring(0, queuedBodies.get(0).indexOf("Subject:"));
        assertTrue(header.matches("Received: from client\\.test \\(\\[127\\.0\\.0\\.1\\]\\)\r\n"
                + "\tby relay\\.test \\(smtpfeed\\) with ESMTPS \\(TLSv1\\.[23]:TLS_[A-Z0-9_]+\\) id \\S+\r\n"
                + "\tfor <someone@customer\\.example>; \\w{3}, \\d{1,2} \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d [+-]\\d{4}\r\n"), header);
    }

    @Test
    void theReceivedHeaderOfAPlainSessionSaysEsmtpAndLeavesOutTheRecipientsWhenThereAreSeveral() throws IOException {
        try (SmtpConversation smtp = connect()) {
            smtp.send("MAIL FROM:<sender@elsewhere.example>");
            smtp.send("RCPT TO:<one@customer.example>");
            smtp.send("RCPT TO:<two@customer.example>");
            smtp.data("Subject: two\r\n\r\nbody");
        }
        assertTrue(queuedBodies.get(0).matches("(?s)Received: from client\\.test \\(\\[127\\.0\\.0\\.1\\]\\)\r\n"
                + "\tby relay\\.test \\(smtpfeed\\) with ESMTP id \\S+;\r\n\t\\w{3}, [^\r]+\r\nSubject: two\r\n.*"),
                queuedBodies.get(0));
    }

    @Test
    void aRecipientPastTheLimitIsDeferredWithTooManyRecipients() throws IOException {
        try (SmtpConversation smtp = connect()) {
            smtp.send("MAIL FROM:<sender@elsewhere.example>");
            for (int i = 0; i < MAX_RECIPIENTS; i++) {
                assertEquals("250 Ok", smtp.send("RCPT TO:<r" + i + "@customer.example>"));
            }
            assertEquals("452 4.5.3 Too many recipients", smtp.send("RCPT TO:<one-more@customer.example>"));
            assertTrue(smtp.data("Subject: hello\r\n\r\nbody").startsWith("250 2.0.0"));
        }
        assertEquals(MAX_RECIPIENTS, queuedEnvelopes.get(0).recipients().size());
    }

    @Test
    void aConnectionPastTheLimitForOneClientAddressIsTurnedAwayWith421() throws IOException {
        List<SmtpConversation> open = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS_PER_CLIENT; i++) {
                open.add(SmtpConversation.open("127.0.0.1", port));
            }
            try (Socket extra = new Socket("127.0.0.1", port)) {
                BufferedReader in = new BufferedReader(new InputStreamReader(extra.getInputStream(), StandardCharsets.US_ASCII));
                assertEquals("421 4.7.0 relay.test Error: too many connections from your address", in.readLine());
                assertEquals(null, in.readLine(), "then the connection is closed");
            }
        } finally {
            for (SmtpConversation smtp : open) {
                smtp.close();
            }
        }
    }

    @Test
    void aSessionWithTooManyRefusedCommandsGets421AndIsClosed() throws IOException {
        try (SmtpConversation smtp = connect()) {
            smtp.send("MAIL FROM:<sender@elsewhere.example>");
            for (int i = 0; i < MAX_ERRORS; i++) {
                assertEquals("550 5.7.1 relaying denied", smtp.send("RCPT TO:<user" + i + "@not-hosted.example>"));
            }
            assertEquals("421 4.7.0 relay.test Error: too many errors", smtp.send("RCPT TO:<someone@customer.example>"));
            assertTrue(smtp.closedByServer());
        }
    }

    @Test
    void aCommandLineLongerThanRfc5321AllowsIsRefusedAndTheSessionClosed() throws IOException {
        try (SmtpConversation smtp = connect()) {
            // SubEthaSMTP's own reply: its line reader allows 997 characters before CRLF and cannot be configured.
            assertEquals("501 Input line length is too long!",
                    smtp.send("MAIL FROM:<" + "a".repeat(990) + "@elsewhere.example>"));
            assertTrue(smtp.closedByServer());
        }
    }

    @Test
    void anIdleSessionIsClosedWith421() throws IOException {
        int idlePort = start(Duration.ofMillis(300));
        try (SmtpConversation smtp = SmtpConversation.open("127.0.0.1", idlePort)) {
            // SubEthaSMTP's own reply on its read timeout, without an enhanced status code.
            assertEquals("421 Timeout waiting for data from client.", smtp.awaitReply());
            assertTrue(smtp.closedByServer());
        }
    }

    @Test
    void aMessageWithMoreThanFiftyReceivedHeadersIsRefusedAsALoop() throws IOException {
        try (SmtpConversation smtp = connect()) {
            String reply = smtp.sendMail("sender@elsewhere.example", "someone@customer.example",
                    "Received: from a.example by b.example; Sat, 28 Nov 2026 12:00:00 +0000\r\n".repeat(MAX_HOPS + 1)
                            + "Subject: looping\r\n\r\nbody\r\n");
            assertEquals("554 5.4.6 Too many hops", reply);
            assertEquals("250 Ok", smtp.send("MAIL FROM:<sender@elsewhere.example>"), "the refused transaction is over");
        }
        assertTrue(queuedEnvelopes.isEmpty());
    }

    @Test
    void fiftyReceivedHeadersPassAndReceivedLinesInTheBodyAreNotHops() throws IOException {
        try (SmtpConversation smtp = connect()) {
            String reply = smtp.sendMail("sender@elsewhere.example", "someone@customer.example",
                    "received: from a.example by b.example; Sat, 28 Nov 2026 12:00:00 +0000\r\n".repeat(MAX_HOPS)
                            + "Subject: forwarded\r\n\r\n" + "Received: quoted in the body\r\n".repeat(10));
            assertTrue(reply.startsWith("250 2.0.0"), reply);
        }
    }

    @Test
    void aMessageTheContentFiltersRefuseGetsTheirReplyAndIsNotQueued() throws IOException {
        inspectionRefusal = new RejectException(554, "5.7.1 message refused: virus found: Eicar-Test-Signature");
        try (SmtpConversation smtp = SmtpConversation.open("127.0.0.1", port)) {
            smtp.send("EHLO client.example");
            String reply = smtp.sendMail("sender@elsewhere.example", "someone@customer.example", "Subject: x\r\n\r\nbody\r\n");
            assertEquals("554 5.7.1 message refused: virus found: Eicar-Test-Signature", reply);
        }
        assertTrue(queuedEnvelopes.isEmpty());
    }

    @Test
    void whatTheContentFiltersFoundIsQueuedWithTheMessage() throws IOException {
        try (SmtpConversation smtp = SmtpConversation.open("127.0.0.1", port)) {
            smtp.send("EHLO client.example");
            assertTrue(smtp.sendMail("sender@elsewhere.example", "someone@customer.example", "Subject: x\r\n\r\nbody\r\n")
                    .startsWith("250 "));
        }
        assertEquals(Stage.VIRUS_SCAN, queuedFindings.get(0).get(0).stage());
    }

    @Test
    void aFirstAttemptForAGreylistingDomainIsToldToComeBackWithTheSecondsToWait() throws IOException {
        try (SmtpConversation smtp = SmtpConversation.open("127.0.0.1", port)) {
            smtp.send("EHLO client.example");
            smtp.send("MAIL FROM:<sender@elsewhere.example>");
            assertEquals("451 4.7.1 greylisted, please try again in 300 seconds", smtp.send("RCPT TO:<someone@greylisting.example>"));
        }
    }

    @Test
    void aRecipientThatPassedGreylistingIsAcceptedAndThePassIsInTheTimeline() throws IOException {
        try (SmtpConversation smtp = SmtpConversation.open("127.0.0.1", port)) {
            smtp.send("EHLO client.example");
            assertTrue(smtp.sendMail("sender@elsewhere.example", "returning@greylisting.example", "Subject: x\r\n\r\nbody\r\n")
                    .startsWith("250 "));
        }
        Finding greylisted = queuedFindings.get(0).get(0);
        assertEquals(Stage.GREYLIST, greylisted.stage());
        assertEquals("returning@greylisting.example: retried after 300 s", greylisted.detail());
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
