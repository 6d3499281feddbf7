package net.smtpfeed.domain.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.smtpfeed.domain.customer.PortalUser;
import net.smtpfeed.domain.customer.Role;
import net.smtpfeed.domain.feed.FeedRequest;
import net.smtpfeed.domain.feed.FeedRequestState;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.kb.KbArticle;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.DeliveryClaims;
import net.smtpfeed.domain.mail.DeliveryState;
import net.smtpfeed.domain.mail.EmailAddress;
import net.smtpfeed.domain.mail.MailMessage;
import net.smtpfeed.domain.mail.MessageEvent;
import net.smtpfeed.domain.mail.QueueRows;
import net.smtpfeed.domain.mail.RetrySchedule;
import net.smtpfeed.domain.mail.Stage;
import net.smtpfeed.domain.spam.SpamAction;
import net.smtpfeed.domain.spam.SpamLevel;
import net.smtpfeed.domain.spam.SpamMark;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The entities read and write the schema that Flyway builds, on H2 and (with -Pmysql) on MySQL. */
class MappingTest {

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
    void theDemoFeedRelaysToTheLocalSinkWithGreylistingOnAndSpamCheckingOff() {
        HostedDomain domain = inTransaction(em -> em.createNamedQuery(HostedDomain.BY_NAME, HostedDomain.class)
                .setParameter("name", "customer.example").getSingleResult());
        assertEquals(new Destination("127.0.0.1", 2626), domain.getDestination());
        assertTrue(domain.acceptsMail());
        assertTrue(domain.isGreylisting());
        assertFalse(domain.isSpamChecking());
    }

    @Test
    void theDemoUsersHaveTheirRolesAndPbkdf2Hashes() {
        List<PortalUser> users = inTransaction(em -> em.createQuery(
                "select u from PortalUser u left join fetch u.customer order by u.username", PortalUser.class).getResultList());
        assertEquals(List.of("admin", "colleague", "customer", "other", "staff"),
                users.stream().map(PortalUser::getUsername).toList());
        assertEquals(List.of(Role.ADMINISTRATOR, Role.CUSTOMER, Role.CUSTOMER_ADMIN, Role.CUSTOMER_ADMIN, Role.STAFF),
                users.stream().map(PortalUser::getRole).toList());
        assertTrue(users.stream().allMatch(u -> u.getPasswordHash().startsWith("PBKDF2WithHmacSHA256:")));
        assertEquals("Customer Example Ltd", users.get(1).getCustomer().getName());
        assertEquals("Customer Example Ltd", users.get(2).getCustomer().getName());
    }

    @Test
    void theIdentityStoresGroupsViewGivesEachUserTheGroupsOfTheirRole() {
        List<PortalUser> users = inTransaction(em -> em.createQuery("select u from PortalUser u", PortalUser.class)
                .getResultList());
        for (PortalUser user : users) {
            @SuppressWarnings("unchecked")
            List<String> groups = inTransaction(em -> em.createNativeQuery(
                    "select group_name from portal_user_group where username = ?").setParameter(1, user.getUsername())
                    .getResultList());
            assertEquals(user.getRole().groups().stream().map(Role::name).collect(Collectors.toSet()), Set.copyOf(groups),
                    user.getUsername());
        }
    }

    @Test
    void thePendingRequestAwaitsStaff() {
        FeedRequest request = inTransaction(em -> em.createQuery(
                "select r from FeedRequest r where r.domainName = 'pending.example'", FeedRequest.class).getSingleResult());
        assertEquals(FeedRequestState.SUBMITTED, request.getState());
    }

    @Test
    void article67SitsUnderHosting() {
        KbArticle article = inTransaction(em -> {
            KbArticle a = em.find(KbArticle.class, 67L);
            a.getCategory().path().forEach(c -> c.getName());
            return a;
        });
        assertEquals("How to request and manage an SMTP feed", article.textIn(Locale.ENGLISH).getTitle());
        assertEquals(List.of("Knowledge Base", "Hosting"),
                article.getCategory().path().stream().map(c -> c.getName()).toList());
        assertTrue(article.getModifiedAt().isAfter(article.getCreatedAt()));
    }

    @Test
    void aMessageItsDeliveryAndItsEventsRoundTrip() {
        Instant received = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Long deliveryId = inTransaction(em -> {
            HostedDomain domain = em.createNamedQuery(HostedDomain.BY_NAME, HostedDomain.class)
                    .setParameter("name", "customer.example").getSingleResult();
            MailMessage message = new MailMessage("MAPPINGTEST" + System.nanoTime(), "", "198.51.100.7", null, 1234, received);
            em.persist(message);
            Delivery delivery = new Delivery(message, domain, EmailAddress.parse("someone@customer.example"),
                    domain.getQueueLifetime());
            delivery.deferred("451 4.3.0 try again", RetrySchedule.DEFAULT, received);
            em.persist(delivery);
            em.persist(new MessageEvent(message, received, Stage.DELIVERY, "DEFERRED", "451 4.3.0 try again"));
            em.flush();
            return delivery.getId();
        });
        Delivery reread = inTransaction(em -> {
            Delivery d = em.find(Delivery.class, deliveryId);
            d.getMessage().getQueueId();
            return d;
        });
        assertEquals(DeliveryState.DEFERRED, reread.getState());
        assertEquals(received.plusSeconds(60), reread.getNextAttemptAt());
        assertEquals(received, reread.getMessage().getReceivedAt());
        assertEquals(MailMessage.NULL_SENDER, reread.getMessage().getEnvelopeSender());
        List<MessageEvent> events = inTransaction(em -> em.createQuery(
                "select e from MessageEvent e where e.message = :m", MessageEvent.class)
                .setParameter("m", reread.getMessage()).getResultList());
        assertEquals(1, events.size());
        assertNotNull(events.get(0).getId());
    }

    @Test
    void aDueDeliveryIsClaimedByOneWorkerOnly() {
        long messageId = queuedMessage(Instant.now().minusSeconds(1));
        Instant now = Instant.now();
        assertEquals(1, claimOfMessage(messageId, now));
        assertEquals(0, claimOfMessage(messageId, now));
        List<Delivery> claimed = inTransaction(em -> em.createQuery(
                "select d from Delivery d where d.message.id = :m", Delivery.class).setParameter("m", messageId).getResultList());
        assertEquals(DeliveryState.DELIVERING, claimed.get(0).getState());
    }

    @Test
    void aClaimWhoseLeaseEndedComesBack() {
        long messageId = queuedMessage(Instant.now().minusSeconds(600));
        Instant then = Instant.now().minusSeconds(600);
        assertEquals(1, claimOfMessage(messageId, then));
        assertEquals(1, claimOfMessage(messageId, Instant.now()));
    }

    @Test
    void aDeferredDeliveryIsNotDueBeforeItsNextAttempt() {
        long messageId = queuedMessage(Instant.now());
        Instant now = Instant.now();
        claimOfMessage(messageId, now);
        inTransaction(em -> {
            em.createQuery("select d from Delivery d where d.message.id = :m", Delivery.class).setParameter("m", messageId).getResultList()
                    .forEach(d -> d.deferred("421 busy", RetrySchedule.DEFAULT, now));
            return null;
        });
        assertEquals(0, claimOfMessage(messageId, now.plusSeconds(30)));
        assertEquals(1, claimOfMessage(messageId, now.plusSeconds(61)));
    }

    @Test
    void concurrentWorkersSkipTheRowsAnotherHoldsInsteadOfWaiting() throws Exception {
        Instant received = Instant.now().minusSeconds(3600);
        queuedMessage(received);
        queuedMessage(received);
        EntityManager first = factory.createEntityManager();
        EntityManager second = factory.createEntityManager();
        try {
            first.getTransaction().begin();
            List<Long> lockedByFirst = lockDue(first, 1);
            second.getTransaction().begin();
            List<Long> lockedBySecond = CompletableFuture.supplyAsync(() -> lockDue(second, 1)).get(10, TimeUnit.SECONDS);
            assertEquals(1, lockedByFirst.size());
            assertEquals(1, lockedBySecond.size());
            assertNotEquals(lockedByFirst, lockedBySecond, "the second worker takes the next row, not the locked one");
        } finally {
            first.getTransaction().rollback();
            second.getTransaction().rollback();
            first.close();
            second.close();
        }
    }

    @Test
    void releasingADomainsDeferredMailMakesItDueAtOnce() {
        long messageId = queuedMessage(Instant.now());
        Instant now = Instant.now();
        claimOfMessage(messageId, now);
        inTransaction(em -> {
            em.createQuery("select d from Delivery d where d.message.id = :m", Delivery.class).setParameter("m", messageId).getResultList()
                    .forEach(d -> d.deferred("connection refused", RetrySchedule.DEFAULT, now));
            return null;
        });
        long domainId = inTransaction(em -> em.createNamedQuery(HostedDomain.BY_NAME, HostedDomain.class)
                .setParameter("name", "customer.example").getSingleResult().getId());
        inTransaction(em -> em.createNamedQuery(Delivery.RELEASE_DEFERRED_OF_DOMAINS).setParameter("now", now)
                .setParameter("domainIds", List.of(domainId)).executeUpdate());
        assertEquals(1, claimOfMessage(messageId, now.plusMillis(1)));
    }

    @Test
    void aNewDeliveryClaimedByItsAcceptingNodeIsNotDueForAnyWorkerUntilTheLeaseEnds() {
        Instant received = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long domainId = inTransaction(em -> em.createNamedQuery(HostedDomain.BY_NAME, HostedDomain.class)
                .setParameter("name", "customer.example").getSingleResult().getId());
        SpamMark mark = new SpamMark(4.5, SpamLevel.LOW, SpamAction.SUBJECT, "[SPAM: low] ");
        long[] ids = inTransaction(em -> {
            // As the intake writes it: the domain a reference that is never loaded, the rows in plain JDBC.
            HostedDomain domain = em.getReference(HostedDomain.class, domainId);
            MailMessage message = new MailMessage("NEWCLAIM" + System.nanoTime(), "a@b.example", "127.0.0.1", null, 1, received);
            Delivery delivery = new Delivery(message, domain, EmailAddress.parse("someone@customer.example"),
                    Duration.ofDays(3));
            delivery.markAsSpam(mark, Duration.ofDays(7));
            new DeliveryClaims(em, "node-a").claimNew(List.of(delivery), received, Duration.ofMinutes(5));
            long[] written = em.unwrap(Session.class).doReturningWork(connection -> {
                QueueRows rows = new QueueRows(connection, factory.getPersistenceUnitUtil());
                long messageId = rows.insert(message);
                long deliveryId = rows.insert(messageId, List.of(delivery)).get(0);
                rows.insertEvents(messageId, List.of(new MessageEvent(message, domain, received, Stage.RECEIVED, "ACCEPTED", "x")));
                return new long[] {messageId, deliveryId};
            });
            assertFalse(factory.getPersistenceUnitUtil().isLoaded(domain), "the domain was never loaded");
            return written;
        });
        Delivery stored = inTransaction(em -> em.find(Delivery.class, ids[1]));
        assertEquals(DeliveryState.DELIVERING, stored.getState());
        assertEquals(received.plus(Duration.ofDays(3)), stored.getExpiresAt());
        assertEquals(received.plusSeconds(300), stored.getLeasedUntil());
        assertEquals(mark, stored.getSpamMark().orElseThrow());
        List<MessageEvent> events = inTransaction(em -> em.createQuery(
                "select e from MessageEvent e join fetch e.domain where e.message.id = :m", MessageEvent.class)
                .setParameter("m", ids[0]).getResultList());
        assertEquals(List.of(domainId), events.stream().map(e -> e.getDomain().getId()).toList());
        assertEquals(received, events.get(0).getOccurredAt());
        assertEquals(0, claimOfMessage(ids[0], received.plusSeconds(60)));
        assertEquals(1, claimOfMessage(ids[0], received.plusSeconds(301)));
    }

    @Test
    void aRenewedLeaseKeepsTheDeliveryFromOtherWorkersPastItsFirstEnd() {
        Instant claimedAt = Instant.now().minusSeconds(600);
        long messageId = queuedMessage(claimedAt.minusSeconds(1));
        List<String> tokens = inTransaction(em -> new DeliveryClaims(em, "node-a").claimDue(claimedAt, 10_000, Duration.ofMinutes(5))
                .stream().filter(d -> d.getMessage().getId() == messageId).map(Delivery::getClaimToken).toList());
        assertEquals(1, tokens.size());

        inTransaction(em -> new DeliveryClaims(em, "node-a").renew(tokens, Instant.now(), Duration.ofMinutes(5)));

        assertEquals(0, claimOfMessage(messageId, Instant.now()), "the first lease is over, the renewed one is not");
    }

    @Test
    void aDeliveryIsRecordedAsDeliveredOnlyUnderTheClaimThatHoldsIt() {
        long messageId = queuedMessage(Instant.now().minusSeconds(1));
        Delivery claimed = inTransaction(em -> new DeliveryClaims(em, "node-a").claimDue(Instant.now(), 10_000, Duration.ofMinutes(5))
                .stream().filter(d -> d.getMessage().getId() == messageId).findFirst().orElseThrow());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        int withStaleClaim = inTransaction(em -> recordDelivered(em, claimed.getId(), "node-b/taken-over", now));
        int withOwnClaim = inTransaction(em -> recordDelivered(em, claimed.getId(), claimed.getClaimToken(), now));

        assertEquals(0, withStaleClaim);
        assertEquals(1, withOwnClaim);
        Delivery reread = inTransaction(em -> em.find(Delivery.class, claimed.getId()));
        assertEquals(DeliveryState.DELIVERED, reread.getState());
        assertEquals(1, reread.getAttempts());
        assertEquals(now, reread.getCompletedAt());
    }

    private static int recordDelivered(EntityManager em, long deliveryId, String token, Instant now) {
        return em.unwrap(Session.class).doReturningWork(connection -> new QueueRows(connection, factory.getPersistenceUnitUtil())
                .recordDelivered(List.of(new QueueRows.Delivered(deliveryId, token)), now)[0]);
    }

    @Test
    void aRestartedNodeTakesBackAtOnceWhatItHeldButNotWhatAnotherNodeHolds() {
        long heldByA = queuedMessage(Instant.now().minusSeconds(1));
        Instant now = Instant.now();
        assertEquals(1, claimOfMessage(heldByA, now));
        long heldByB = queuedMessage(Instant.now().minusSeconds(1));
        inTransaction(em -> new DeliveryClaims(em, "node-b").claimDue(Instant.now(), 10_000, Duration.ofMinutes(5)));

        inTransaction(em -> new DeliveryClaims(em, "node-a").releaseAll(Instant.now()));

        Instant later = Instant.now().plusMillis(1);
        assertEquals(1, claimOfMessage(heldByA, later), "node A's claim was released");
        assertEquals(0, claimOfMessage(heldByB, later), "node B still holds its own");
    }

    private static long queuedMessage(Instant received) {
        return inTransaction(em -> {
            HostedDomain domain = em.createNamedQuery(HostedDomain.BY_NAME, HostedDomain.class)
                    .setParameter("name", "customer.example").getSingleResult();
            MailMessage message = new MailMessage("CLAIMTEST" + System.nanoTime(), "a@b.example", "127.0.0.1", null, 1, received);
            em.persist(message);
            em.persist(new Delivery(message, domain, EmailAddress.parse("someone@customer.example"),
                    domain.getQueueLifetime()));
            em.flush();
            return message.getId();
        });
    }

    /** How many deliveries of the message a node claims among all that are due at the time. */
    private static int claimOfMessage(long messageId, Instant now) {
        return inTransaction(em -> (int) new DeliveryClaims(em, "node-a").claimDue(now, 10_000, Duration.ofMinutes(5)).stream()
                .filter(d -> d.getMessage().getId() == messageId).count());
    }

    @SuppressWarnings("unchecked")
    private static List<Long> lockDue(EntityManager em, int limit) {
        List<Number> ids = em.createNamedQuery(Delivery.LOCK_DUE).setParameter(1, Instant.now()).setParameter(2, limit)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    private static <T> T inTransaction(Function<EntityManager, T> work) {
        return Transactions.inTransaction(factory, work);
    }
}
