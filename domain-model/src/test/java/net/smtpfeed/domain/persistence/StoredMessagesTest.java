package net.smtpfeed.domain.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.DeliveryState;
import net.smtpfeed.domain.mailbox.Mailbox;
import net.smtpfeed.domain.mailbox.MailboxScope;
import net.smtpfeed.domain.mailbox.MessageSummary;
import net.smtpfeed.domain.mailbox.StoredMessage;
import net.smtpfeed.domain.mailbox.StoredMessages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Messages in mailboxes on the real schema: stored once per delivery, read back byte for byte, listed, deleted. */
class StoredMessagesTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static TestData data;
    private static MailboxFixtures fixtures;

    @BeforeAll
    static void migrate() {
        data = TestData.onFreshDatabase();
        fixtures = new MailboxFixtures(data, NOW);
    }

    @AfterAll
    static void close() {
        data.close();
    }

    @Test
    void aStoredMessageReadsBackByteForByteWhateverItsSize() {
        Mailbox mailbox = fixtures.mailbox(fixtures.mailboxDomain("Large Message"), "info", false);
        byte[] content = new byte[700 * 1024];
        new Random(7).nextBytes(content);

        StoredMessage stored = fixtures.stored(mailbox, "large", content);

        assertEquals(content.length, stored.getSizeBytes());
        assertArrayEquals(content, read(stored));
    }

    @Test
    void anEmptyMessageIsStoredToo() {
        Mailbox mailbox = fixtures.mailbox(fixtures.mailboxDomain("Empty Message"), "info", false);
        StoredMessage stored = fixtures.stored(mailbox, "empty", new byte[0]);
        assertEquals(0, stored.getSizeBytes());
        assertArrayEquals(new byte[0], read(stored));
    }

    @Test
    void storingMarksTheDeliveryStoredAndKeepsWhereTheMessageCameFrom() {
        Mailbox mailbox = fixtures.mailbox(fixtures.mailboxDomain("Where From"), "info", false);
        StoredMessage stored = fixtures.stored(mailbox, "hello", "Subject: hello\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII));

        DeliveryState state = data.inTransaction(em -> em.find(StoredMessage.class, stored.getId()).getDelivery().getState());
        assertEquals(DeliveryState.STORED, state);
        assertEquals("info@" + mailbox.getDomain().getName(), stored.getRecipient());
        assertEquals("sender@elsewhere.example", stored.getSender());
        assertEquals("hello", stored.getSubject());
        assertTrue(stored.getUid().startsWith(stored.getQueueId() + "-"), stored.getUid());
        assertFalse(stored.isSeen());
    }

    @Test
    void aDeliveryIsStoredAtMostOnce() {
        Mailbox mailbox = fixtures.mailbox(fixtures.mailboxDomain("Once Only"), "info", false);
        StoredMessage stored = fixtures.stored(mailbox, "once", "x".getBytes(StandardCharsets.US_ASCII));
        long deliveryId = stored.getDelivery().getId();

        assertThrows(PersistenceException.class, () -> data.inTransaction(em -> {
            Delivery delivery = em.find(Delivery.class, deliveryId);
            return new StoredMessages(em).store(em.find(Mailbox.class, mailbox.getId()), delivery,
                    new MessageSummary(null, null, "again"), new ByteArrayInputStream(new byte[1]), NOW);
        }));
        assertEquals(1, count(mailbox));
    }

    @Test
    void aMailboxListsNewestFirstInPagesAndPop3SeesArrivalOrder() {
        Mailbox mailbox = fixtures.mailbox(fixtures.mailboxDomain("Paging"), "info", false);
        for (int i = 1; i <= 5; i++) {
            fixtures.stored(mailbox, "message " + i, ("Subject: " + i + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        List<String> secondPage = data.inTransaction(em -> new StoredMessages(em)
                .page(em.find(Mailbox.class, mailbox.getId()), 2, 2)).stream().map(StoredMessage::getSubject).toList();
        List<String> maildrop = data.inTransaction(em -> new StoredMessages(em)
                .inArrivalOrder(em.find(Mailbox.class, mailbox.getId()))).stream().map(StoredMessage::getSubject).toList();

        assertEquals(List.of("message 3", "message 2"), secondPage);
        assertEquals(List.of("message 1", "message 2", "message 3", "message 4", "message 5"), maildrop);
        assertEquals(5, count(mailbox));
    }

    @Test
    void aReadMessageStaysMarkedRead() {
        Mailbox mailbox = fixtures.mailbox(fixtures.mailboxDomain("Seen"), "info", false);
        StoredMessage stored = fixtures.stored(mailbox, "seen", new byte[1]);
        data.inTransaction(em -> {
            em.find(StoredMessage.class, stored.getId()).markSeen();
            return null;
        });
        assertTrue(data.inTransaction(em -> em.find(StoredMessage.class, stored.getId())).isSeen());
    }

    @Test
    void aDeletedMessageIsGoneWithItsBytesAndItsDeliveryStaysStored() {
        Mailbox mailbox = fixtures.mailbox(fixtures.mailboxDomain("Delete"), "info", false);
        StoredMessage stored = fixtures.stored(mailbox, "bye", new byte[300 * 1024]);

        data.inTransaction(em -> {
            new StoredMessages(em).delete(em.find(StoredMessage.class, stored.getId()));
            return null;
        });

        assertEquals(0, count(mailbox));
        long chunksLeft = data.inTransaction(em -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM stored_message_chunk WHERE stored_message_id = ?1")
                .setParameter(1, stored.getId()).getSingleResult()).longValue());
        assertEquals(0, chunksLeft);
        assertEquals(DeliveryState.STORED, data.inTransaction(em -> em.find(Delivery.class, stored.getDelivery().getId()))
                .getState());
    }

    @Test
    void aCustomerCannotOpenAnotherCustomersMessage() {
        HostedDomain theirs = fixtures.mailboxDomain("Message Owner");
        StoredMessage theirMessage = fixtures.stored(fixtures.mailbox(theirs, "info", false), "private", new byte[1]);
        HostedDomain mine = fixtures.mailboxDomain("Message Snoop");

        assertTrue(data.inTransaction(em -> new StoredMessages(em).find(theirMessage.getId(),
                MailboxScope.customer(mine.getCustomer().getId()))).isEmpty());
        assertTrue(data.inTransaction(em -> new StoredMessages(em).find(theirMessage.getId(),
                MailboxScope.customer(theirs.getCustomer().getId()))).isPresent());
    }

    private static long count(Mailbox mailbox) {
        return data.inTransaction(em -> new StoredMessages(em).count(em.find(Mailbox.class, mailbox.getId())));
    }

    private static byte[] read(StoredMessage stored) {
        return data.inTransaction(em -> {
            try {
                return new StoredMessages(em).content(em.find(StoredMessage.class, stored.getId())).readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
