package net.smtpfeed.relay.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.relay.testing.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.wiser.Wiser;
import org.subethamail.wiser.WiserMessage;

/** Delivery to a real SMTP server (SubEthaSMTP's Wiser) standing in for the customer's mail server. */
class SmtpDeliveryClientTest {

    private static final String MESSAGE = "Received: from mx.elsewhere.example\r\n\tby relay.test; Sat, 28 Nov 2026 12:00:00 +0000\r\n"
            + "From: Sender <sender@elsewhere.example>\r\nTo: someone@customer.example\r\nSubject: quarterly report\r\n"
            + "Message-ID: <abc@elsewhere.example>\r\n\r\nLine one\r\n.a line that starts with a dot\r\n\r\nlast line\r\n";

    private final SmtpDeliveryClient client = new SmtpDeliveryClient("relay.test", Duration.ofSeconds(5), Duration.ofSeconds(5));

    @TempDir
    Path temp;

    private Wiser sink;
    private Path content;

    @BeforeEach
    void start() throws IOException {
        sink = Wiser.accepter((from, recipient) -> !recipient.startsWith("unknown@")).port(FreePorts.any());
        sink.start();
        content = Files.writeString(temp.resolve("message.eml"), MESSAGE, StandardCharsets.US_ASCII);
    }

    @AfterEach
    void stop() {
        sink.stop();
    }

    @Test
    void theMessageArrivesByteForByteWithItsEnvelope() {
        List<RecipientResult> results = client.send(destination(), "sender@elsewhere.example",
                List.of("someone@customer.example", "other@customer.example"), content);

        assertTrue(results.stream().allMatch(RecipientResult::accepted), results.toString());
        assertTrue(results.get(0).reply().startsWith("250"), results.get(0).reply());
        assertEquals(2, sink.getMessages().size());
        WiserMessage received = sink.getMessages().get(0);
        assertEquals("sender@elsewhere.example", received.getEnvelopeSender());
        assertEquals("someone@customer.example", received.getEnvelopeReceiver());
        assertTrue(new String(received.getData(), StandardCharsets.US_ASCII).endsWith(MESSAGE),
                "the customer's server gets our bytes after its own Received header");
    }

    @Test
    void aBounceGoesOutWithTheNullSender() {
        client.send(destination(), "", List.of("someone@customer.example"), content);
        assertEquals("", sink.getMessages().get(0).getEnvelopeSender());
    }

    @Test
    void aRecipientTheServerRefusesIsNotDeliveredWhileTheOthersAre() {
        List<RecipientResult> results = client.send(destination(), "sender@elsewhere.example",
                List.of("someone@customer.example", "unknown@customer.example"), content);
        assertTrue(results.get(0).accepted());
        assertFalse(results.get(1).accepted());
        assertTrue(results.get(1).reply().startsWith("553 "), "the server's own reply to that RCPT: " + results.get(1).reply());
        assertEquals(List.of("someone@customer.example"), sink.getMessages().stream().map(WiserMessage::getEnvelopeReceiver).toList());
    }

    @Test
    void aServerThatIsDownLeavesEveryRecipientUndeliveredWithTheReason() {
        List<RecipientResult> results = client.send(new Destination("127.0.0.1", FreePorts.any()), "sender@elsewhere.example",
                List.of("someone@customer.example", "other@customer.example"), content);
        assertEquals(2, results.size());
        assertTrue(results.stream().noneMatch(RecipientResult::accepted));
        assertTrue(results.get(0).reply().contains("onnect"), results.get(0).reply());
    }

    @Test
    void theMessageIsSentInOneTransactionForAllRecipients() {
        client.send(destination(), "sender@elsewhere.example", List.of("a@customer.example", "b@customer.example"), content);
        byte[] first = sink.getMessages().get(0).getData();
        assertArrayEquals(first, sink.getMessages().get(1).getData(), "Wiser records one copy per recipient of the one DATA");
    }

    private Destination destination() {
        return new Destination("127.0.0.1", sink.getServer().getPort());
    }
}
