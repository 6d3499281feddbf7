package net.smtpfeed.domain.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.smtpfeed.domain.audit.AuditEntry;
import net.smtpfeed.domain.audit.AuditTrail;
import net.smtpfeed.domain.hosting.DeliveryMode;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.DeliveryState;
import net.smtpfeed.domain.mail.MessageEvent;
import net.smtpfeed.domain.mail.RetrySchedule;
import net.smtpfeed.domain.mailbox.Mailbox;
import net.smtpfeed.domain.mailbox.ModeChange;
import net.smtpfeed.domain.mailbox.ModeSwitchRefused;
import net.smtpfeed.domain.mailbox.StoredMailDisposal;
import net.smtpfeed.domain.mailbox.StoredMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Staff's switch between feed and mailboxes on the real schema, with what happens to the mail on either side. */
class ModeChangeTest {

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
    void toMailboxesMakesTheMailDeferredForTheServerDueAtOnceAndIsAudited() {
        HostedDomain domain = data.domain(data.customer("Server Down"));
        long deferred = data.copy(domain, NOW.minus(Duration.ofHours(1)),
                d -> d.deferred("421 down", RetrySchedule.DEFAULT, NOW.minusSeconds(10)));

        ModeChange.ToMailboxes switched = data.inTransaction(em -> new ModeChange(em)
                .toMailboxes(em.find(HostedDomain.class, domain.getId()), "staff", NOW));

        assertEquals(1, switched.deliveriesDue());
        assertEquals(DeliveryMode.MAILBOXES, reread(domain).getDeliveryMode());
        assertEquals(NOW, data.inTransaction(em -> em.find(Delivery.class, deferred)).getNextAttemptAt());
        assertEquals(List.of("staff delivery mode FEED MAILBOXES"), audit(domain));
    }

    @Test
    void backToTheFeedWithDeliverQueuesEveryStoredMessageAgainAndDeletesTheMailboxes() {
        HostedDomain domain = fixtures.mailboxDomain("Deliver Back");
        Mailbox info = fixtures.mailbox(domain, "info", false);
        Mailbox rest = fixtures.mailbox(domain, "rest", true);
        StoredMessage first = fixtures.stored(info, "one", bytes("one"));
        StoredMessage second = fixtures.stored(rest, "two", bytes("two"));

        ModeChange.ToFeed back = data.inTransaction(em -> new ModeChange(em)
                .toFeed(em.find(HostedDomain.class, domain.getId()), StoredMailDisposal.DELIVER, "staff", NOW));

        assertEquals(new ModeChange.ToFeed(domain.getName(), StoredMailDisposal.DELIVER, 2, 2, 0), back);
        assertEquals(DeliveryMode.FEED, reread(domain).getDeliveryMode());
        for (StoredMessage stored : List.of(first, second)) {
            Delivery delivery = data.inTransaction(em -> em.find(Delivery.class, stored.getDelivery().getId()));
            assertEquals(DeliveryState.QUEUED, delivery.getState());
            assertEquals(NOW, delivery.getNextAttemptAt());
        }
        assertEquals(0L, rows("SELECT COUNT(*) FROM mailbox WHERE domain_id = ?1", domain.getId()));
        assertEquals(List.of("DELIVERY REQUEUED info@" + domain.getName() + " queued again for 192.0.2.25:25 from mailbox info@"
                + domain.getName() + ": " + domain.getName() + " went back to its feed (staff)"), timeline(first, "REQUEUED"));
        assertTrue(audit(domain).contains("staff delivery mode MAILBOXES FEED"), audit(domain).toString());
        assertTrue(audit(domain).contains("staff mail left in mailboxes null 2 message(s) queued for delivery"));
    }

    @Test
    void backToTheFeedWithDeleteDeletesTheMessagesAndTheirDeliveriesStayStored() {
        HostedDomain domain = fixtures.mailboxDomain("Delete Back");
        Mailbox info = fixtures.mailbox(domain, "info", false);
        StoredMessage fetched = fixtures.stored(info, "fetched already", bytes("x"));

        ModeChange.ToFeed back = data.inTransaction(em -> new ModeChange(em)
                .toFeed(em.find(HostedDomain.class, domain.getId()), StoredMailDisposal.DELETE, "staff", NOW));

        assertEquals(new ModeChange.ToFeed(domain.getName(), StoredMailDisposal.DELETE, 1, 0, 1), back);
        assertEquals(DeliveryState.STORED, data.inTransaction(em -> em.find(Delivery.class, fetched.getDelivery().getId()))
                .getState());
        assertEquals(0L, rows("SELECT COUNT(*) FROM stored_message WHERE mailbox_id = ?1", info.getId()));
        assertEquals(1, timeline(fetched, "DELETED").size());
        assertEquals(DeliveryMode.FEED, reread(domain).getDeliveryMode());
    }

    @Test
    void aDomainIsNotSwitchedToTheModeItIsIn() {
        HostedDomain feed = data.domain(data.customer("Feed Already"));
        HostedDomain mailboxes = fixtures.mailboxDomain("Mailboxes Already");
        assertThrows(ModeSwitchRefused.class, () -> data.inTransaction(em -> new ModeChange(em)
                .toFeed(em.find(HostedDomain.class, feed.getId()), StoredMailDisposal.DELETE, "staff", NOW)));
        assertThrows(ModeSwitchRefused.class, () -> data.inTransaction(em -> new ModeChange(em)
                .toMailboxes(em.find(HostedDomain.class, mailboxes.getId()), "staff", NOW)));
        assertFalse(reread(feed).isInMailboxMode());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static HostedDomain reread(HostedDomain domain) {
        return data.inTransaction(em -> em.find(HostedDomain.class, domain.getId()));
    }

    private static long rows(String countQuery, long id) {
        return data.inTransaction(em -> ((Number) em.createNativeQuery(countQuery).setParameter(1, id).getSingleResult())
                .longValue());
    }

    /** The stored message's timeline lines with that outcome, as "STAGE OUTCOME detail". */
    private static List<String> timeline(StoredMessage stored, String outcome) {
        return data.inTransaction(em -> em.createQuery("""
                        select e from MessageEvent e
                        where e.message = (select d.message from Delivery d where d.id = :id)
                          and e.outcome = :outcome""", MessageEvent.class)
                .setParameter("id", stored.getDelivery().getId()).setParameter("outcome", outcome).getResultStream()
                .map(e -> e.getStage() + " " + e.getOutcome() + " " + e.getDetail()).toList());
    }

    private static List<String> audit(HostedDomain domain) {
        return data.inTransaction(em -> new AuditTrail(em).ofSubject(domain.getCustomer().getId(), domain.auditSubject(), 50))
                .stream().sorted((a, b) -> Long.compare(a.getId(), b.getId()))
                .map(ModeChangeTest::line).toList();
    }

    private static String line(AuditEntry entry) {
        return entry.getActor() + " " + entry.getChange() + " " + entry.getOldValue() + " " + entry.getNewValue();
    }
}
