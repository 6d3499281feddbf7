package net.smtpfeed.domain.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.smtpfeed.domain.customer.PortalUser;
import net.smtpfeed.domain.customer.Role;
import net.smtpfeed.domain.feed.FeedRequest;
import net.smtpfeed.domain.feed.FeedRequestState;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.kb.KbArticle;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.DeliveryState;
import net.smtpfeed.domain.mail.EmailAddress;
import net.smtpfeed.domain.mail.MailMessage;
import net.smtpfeed.domain.mail.MessageEvent;
import net.smtpfeed.domain.mail.RetrySchedule;
import net.smtpfeed.domain.mail.Stage;
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
        assertEquals(List.of("customer", "other", "staff"), users.stream().map(PortalUser::getUsername).toList());
        assertEquals(List.of(Role.CUSTOMER, Role.CUSTOMER, Role.STAFF), users.stream().map(PortalUser::getRole).toList());
        assertTrue(users.stream().allMatch(u -> u.getPasswordHash().startsWith("PBKDF2WithHmacSHA256:")));
        assertEquals("Customer Example Ltd", users.get(0).getCustomer().getName());
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
        assertEquals("How to request and manage an SMTP feed", article.getTitle());
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
            Delivery delivery = new Delivery(message, domain, EmailAddress.parse("someone@customer.example"));
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
        assertEquals(1, claim(messageId, "worker-a", now, now.plusSeconds(300)));
        assertEquals(0, claim(messageId, "worker-b", now, now.plusSeconds(300)));
        List<Delivery> claimed = inTransaction(em -> em.createNamedQuery(Delivery.CLAIMED_BY, Delivery.class)
                .setParameter("token", "worker-a").getResultList());
        assertEquals(1, claimed.size());
        assertEquals(DeliveryState.DELIVERING, claimed.get(0).getState());
    }

    @Test
    void aClaimWhoseLeaseEndedComesBack() {
        long messageId = queuedMessage(Instant.now().minusSeconds(600));
        Instant then = Instant.now().minusSeconds(600);
        assertEquals(1, claim(messageId, "worker-that-died", then, then.plusSeconds(300)));
        assertEquals(1, claim(messageId, "worker-b", Instant.now(), Instant.now().plusSeconds(300)));
    }

    @Test
    void aDeferredDeliveryIsNotDueBeforeItsNextAttempt() {
        long messageId = queuedMessage(Instant.now());
        Instant now = Instant.now();
        claim(messageId, "worker-a", now, now.plusSeconds(300));
        inTransaction(em -> {
            em.createNamedQuery(Delivery.CLAIMED_BY, Delivery.class).setParameter("token", "worker-a").getResultList()
                    .forEach(d -> d.deferred("421 busy", RetrySchedule.DEFAULT, now));
            return null;
        });
        assertEquals(0, claim(messageId, "worker-b", now.plusSeconds(30), now.plusSeconds(330)));
        assertEquals(1, claim(messageId, "worker-b", now.plusSeconds(61), now.plusSeconds(361)));
    }

    private static long queuedMessage(Instant received) {
        return inTransaction(em -> {
            HostedDomain domain = em.createNamedQuery(HostedDomain.BY_NAME, HostedDomain.class)
                    .setParameter("name", "customer.example").getSingleResult();
            MailMessage message = new MailMessage("CLAIMTEST" + System.nanoTime(), "a@b.example", "127.0.0.1", null, 1, received);
            em.persist(message);
            em.persist(new Delivery(message, domain, EmailAddress.parse("someone@customer.example")));
            em.flush();
            return message.getId();
        });
    }

    private static int claim(long messageId, String token, Instant now, Instant leasedUntil) {
        return inTransaction(em -> em.createNamedQuery(Delivery.CLAIM_DUE_OF_MESSAGE)
                .setParameter("token", token).setParameter("leasedUntil", leasedUntil)
                .setParameter("messageId", messageId).setParameter("now", now).executeUpdate());
    }

    private static <T> T inTransaction(java.util.function.Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            em.close();
        }
    }
}
