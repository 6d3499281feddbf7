package net.smtpfeed.domain.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import net.smtpfeed.domain.audit.AuditEntry;
import net.smtpfeed.domain.audit.AuditTrail;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.DomainName;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.DeliveryState;
import net.smtpfeed.domain.mail.EmailAddress;
import net.smtpfeed.domain.mail.MailMessage;
import net.smtpfeed.domain.mail.MessageEvent;
import net.smtpfeed.domain.mail.Quarantine;
import net.smtpfeed.domain.mail.QuarantinedCopy;
import net.smtpfeed.domain.mail.Stage;
import net.smtpfeed.domain.spam.SpamAction;
import net.smtpfeed.domain.spam.SpamLevel;
import net.smtpfeed.domain.spam.SpamMark;
import net.smtpfeed.domain.spam.SpamPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quarantine as staff and customers use it, on the real schema (H2 here; MySQL with -Pmysql): each customer sees
 * and releases only their own domains' copies, a released copy is due at once, and purging takes only what is over.
 */
class QuarantineTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Duration A_WEEK = Duration.ofDays(7);
    private static final SpamMark HIGH_DELETED = new SpamMark(1000, SpamLevel.HIGH, SpamAction.DELETE, null);

    private static EntityManagerFactory factory;

    @BeforeAll
    static void migrate() {
        factory = TestDatabase.fromBuild().migratedFresh().entityManagerFactory();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aCustomerSeesTheirOwnQuarantinedCopiesAndStaffSeeAll() {
        HostedDomain mine = newDomain("Quarantine Owner");
        HostedDomain theirs = newDomain("Someone Else");
        long myCopy = quarantined(mine, NOW);
        long theirCopy = quarantined(theirs, NOW);

        List<Long> seenByMe = ids(inTransaction(em -> new Quarantine(em).list(customerOf(mine), 1000)));
        List<Long> seenByStaff = ids(inTransaction(em -> new Quarantine(em).list(Quarantine.Scope.staff(), 1000)));

        assertEquals(List.of(myCopy), seenByMe);
        assertTrue(seenByStaff.containsAll(List.of(myCopy, theirCopy)));
    }

    @Test
    void aListedCopyShowsItsScoreLevelAndWhenItWillBePurged() {
        HostedDomain domain = newDomain("Quarantine Details");
        quarantined(domain, NOW);
        QuarantinedCopy copy = inTransaction(em -> new Quarantine(em).list(customerOf(domain), 10)).get(0);
        assertEquals("someone@" + domain.getName(), copy.recipient());
        assertEquals(domain.getName(), copy.domain());
        assertEquals(1000.0, copy.spamScore());
        assertEquals(SpamLevel.HIGH, copy.spamLevel());
        assertEquals(NOW.plus(A_WEEK), copy.purgedAt());
    }

    @Test
    void aReleasedCopyIsQueuedForDeliveryNowWithAnEventSayingWhoReleasedIt() {
        HostedDomain domain = newDomain("Quarantine Release");
        long copy = quarantined(domain, NOW.minus(Duration.ofDays(2)));

        boolean released = inTransaction(em -> new Quarantine(em).release(copy, customerOf(domain), "anna", NOW)).isPresent();

        assertTrue(released);
        Delivery delivery = reread(copy);
        assertEquals(DeliveryState.QUEUED, delivery.getState());
        assertEquals(NOW, delivery.getNextAttemptAt());
        assertEquals(SpamAction.HEADER, delivery.getSpamMark().orElseThrow().action());
        List<MessageEvent> events = inTransaction(em -> em.createQuery(
                        "select e from MessageEvent e where e.message.id = :m and e.stage = :stage", MessageEvent.class)
                .setParameter("m", delivery.getMessage().getId()).setParameter("stage", Stage.QUARANTINE).getResultList());
        assertEquals(1, events.size());
        assertTrue(events.get(0).getDetail().contains("released by anna"), events.get(0).getDetail());
    }

    @Test
    void aReleaseIsInTheDomainsAuditLog() {
        HostedDomain domain = newDomain("Quarantine Audit");
        long copy = quarantined(domain, NOW.minus(Duration.ofDays(2)));

        inTransaction(em -> new Quarantine(em).release(copy, Quarantine.Scope.staff(), "sam", NOW));

        List<AuditEntry> entries = inTransaction(em -> new AuditTrail(em).ofSubject(domain.getCustomer().getId(),
                "domain " + domain.getName(), 10));
        assertEquals(1, entries.size());
        assertEquals("sam", entries.get(0).getActor());
        assertEquals("quarantine release", entries.get(0).getChange());
        assertTrue(entries.get(0).getNewValue().endsWith(" to " + reread(copy).getRecipient()), entries.get(0).getNewValue());
    }

    @Test
    void aCustomerCannotReleaseAnotherCustomersCopy() {
        HostedDomain mine = newDomain("Quarantine Intruder");
        HostedDomain theirs = newDomain("Quarantine Victim");
        long theirCopy = quarantined(theirs, NOW);

        boolean released = inTransaction(em -> new Quarantine(em).release(theirCopy, customerOf(mine), "mallory", NOW))
                .isPresent();

        assertFalse(released);
        assertEquals(DeliveryState.QUARANTINED, reread(theirCopy).getState());
    }

    @Test
    void aCopyIsReleasedOnlyOnce() {
        HostedDomain domain = newDomain("Quarantine Twice");
        long copy = quarantined(domain, NOW);
        inTransaction(em -> new Quarantine(em).release(copy, Quarantine.Scope.staff(), "staff", NOW));
        assertFalse(inTransaction(em -> new Quarantine(em).release(copy, Quarantine.Scope.staff(), "staff", NOW)).isPresent());
    }

    @Test
    void purgingDiscardsOnlyCopiesWhoseQuarantineIsOver() {
        HostedDomain domain = newDomain("Quarantine Purge");
        long old = quarantined(domain, NOW.minus(A_WEEK).minusSeconds(1));
        long recent = quarantined(domain, NOW.minus(Duration.ofDays(6)));

        inTransaction(em -> new Quarantine(em).purge(NOW));

        assertEquals(DeliveryState.DISCARDED, reread(old).getState());
        assertEquals(DeliveryState.QUARANTINED, reread(recent).getState());
    }

    @Test
    void aDomainKeepsTheSpamPolicyItsCustomerChose() {
        HostedDomain domain = newDomain("Spam Policy Owner");
        SpamPolicy chosen = SpamPolicy.defaults().withThresholds(2.5, 6, 12).withAction(SpamLevel.HIGH, SpamAction.HEADER)
                .withSubjectText(SpamLevel.LOW, "(maybe spam) ");
        inTransaction(em -> {
            HostedDomain managed = em.find(HostedDomain.class, domain.getId());
            managed.checkSpam(true);
            managed.changeSpamPolicy(chosen);
            return null;
        });
        HostedDomain reread = inTransaction(em -> em.find(HostedDomain.class, domain.getId()));
        assertTrue(reread.isSpamChecking());
        assertEquals(chosen, reread.getSpamPolicy());
    }

    private static Quarantine.Scope customerOf(HostedDomain domain) {
        return Quarantine.Scope.customer(domain.getCustomer().getId());
    }

    private static List<Long> ids(List<QuarantinedCopy> copies) {
        return copies.stream().map(QuarantinedCopy::deliveryId).toList();
    }

    private static HostedDomain newDomain(String customerName) {
        return inTransaction(em -> {
            Customer customer = new Customer(customerName, NOW);
            em.persist(customer);
            HostedDomain domain = HostedDomain.feed(DomainName.of("quarantine-" + System.nanoTime() + ".example"),
                    customer, new Destination("192.0.2.10", 2525), NOW);
            em.persist(domain);
            return domain;
        });
    }

    /** A copy of a message received at that time, deleted by its domain's spam action the way the relay does it. */
    private static long quarantined(HostedDomain domain, Instant received) {
        return inTransaction(em -> {
            MailMessage message = new MailMessage("QT" + System.nanoTime(), "spammer@elsewhere.example", "203.0.113.9",
                    null, 1, received);
            em.persist(message);
            Delivery delivery = new Delivery(message, em.merge(domain), EmailAddress.parse("someone@" + domain.getName()),
                    domain.getQueueLifetime());
            delivery.markAsSpam(HIGH_DELETED, A_WEEK);
            em.persist(delivery);
            em.flush();
            return delivery.getId();
        });
    }

    private static Delivery reread(long deliveryId) {
        return inTransaction(em -> em.find(Delivery.class, deliveryId));
    }

    private static <T> T inTransaction(Function<EntityManager, T> work) {
        return Transactions.inTransaction(factory, work);
    }
}
