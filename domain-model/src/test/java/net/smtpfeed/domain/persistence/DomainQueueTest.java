package net.smtpfeed.domain.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.DomainName;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.hosting.QueueLifetimeTooLong;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.DeliveryClaims;
import net.smtpfeed.domain.mail.DeliveryState;
import net.smtpfeed.domain.mail.DestinationStatus;
import net.smtpfeed.domain.mail.DomainQueue;
import net.smtpfeed.domain.mail.EmailAddress;
import net.smtpfeed.domain.mail.MailMessage;
import net.smtpfeed.domain.mail.PendingMailOfDomain;
import net.smtpfeed.domain.mail.RetrySchedule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staff's retry now and queue lifetime extension change a domain's waiting mail in bulk, and only that domain's
 * waiting mail (H2 here; MySQL with -Pmysql). Times are whole seconds: MariaDB through Connector/J keeps no more.
 */
class DomainQueueTest {

    private static final AtomicInteger DOMAINS = new AtomicInteger();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final RetrySchedule AN_HOUR_APART = new RetrySchedule(Duration.ofHours(1), Duration.ofHours(1));

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
    void retryNowMakesTheDomainsQueuedAndDeferredMailDueNow() {
        HostedDomain domain = newDomain(HostedDomain.DEFAULT_QUEUE_LIFETIME);
        long queued = delivery(domain, NOW.minusSeconds(10), DeliveryState.QUEUED);
        long deferred = delivery(domain, NOW.minusSeconds(600), DeliveryState.DEFERRED);
        long delivering = delivery(domain, NOW.minusSeconds(900), DeliveryState.DELIVERING);
        long delivered = delivery(domain, NOW.minusSeconds(1200), DeliveryState.DELIVERED);
        long othersDeferred = delivery(newDomain(HostedDomain.DEFAULT_QUEUE_LIFETIME), NOW.minusSeconds(600), DeliveryState.DEFERRED);
        Instant deliveringWasDueAt = reread(delivering).getNextAttemptAt();

        DomainQueue.RetryNow retry = inTransaction(em -> new DomainQueue(em).retryNow(em.merge(domain), NOW));

        assertEquals(2, retry.deliveriesDue());
        assertEquals(NOW, reread(queued).getNextAttemptAt(), "queued mail no longer waits for its hand-off grace");
        assertEquals(NOW, reread(deferred).getNextAttemptAt(), "deferred mail no longer waits for its retry step");
        assertEquals(deliveringWasDueAt, reread(delivering).getNextAttemptAt(), "mail a worker holds is left to it");
        assertEquals(DeliveryState.DELIVERED, reread(delivered).getState());
        assertEquals(NOW.plus(AN_HOUR_APART.firstDelay()), reread(othersDeferred).getNextAttemptAt(),
                "another domain's mail keeps its retry step");
    }

    @Test
    void retryNowReopensTheDomainsDestinationAndNoOther() {
        HostedDomain domain = newDomain(HostedDomain.DEFAULT_QUEUE_LIFETIME);
        HostedDomain elsewhere = newDomain(HostedDomain.DEFAULT_QUEUE_LIFETIME);
        closed(domain.getDestination());
        closed(elsewhere.getDestination());

        DomainQueue.RetryNow retry = inTransaction(em -> new DomainQueue(em).retryNow(em.merge(domain), NOW));

        assertEquals(domain.getDestination(), retry.destination());
        assertNull(status(domain.getDestination()), "the next worker connects at once instead of waiting for a probe");
        assertNotNull(status(elsewhere.getDestination()), "another server that is down stays closed");
    }

    @Test
    void extendingTheLifetimeMovesTheExpiryOfWaitingMailToArrivalPlusTheNewLifetime() {
        HostedDomain domain = newDomain(HostedDomain.DEFAULT_QUEUE_LIFETIME);
        Instant firstArrival = NOW.minus(Duration.ofDays(1));
        Instant secondArrival = NOW.minusSeconds(3600);
        Instant thirdArrival = NOW.minusSeconds(60);
        long queued = delivery(domain, thirdArrival, DeliveryState.QUEUED);
        long deferred = delivery(domain, firstArrival, DeliveryState.DEFERRED);
        long delivering = delivery(domain, secondArrival, DeliveryState.DELIVERING);
        long delivered = delivery(domain, firstArrival, DeliveryState.DELIVERED);
        long othersDeferred = delivery(newDomain(HostedDomain.DEFAULT_QUEUE_LIFETIME), firstArrival, DeliveryState.DEFERRED);

        DomainQueue.LifetimeExtended extension = inTransaction(em ->
                new DomainQueue(em).extendQueueLifetime(em.merge(domain), Duration.ofDays(1)));

        assertEquals(Duration.ofDays(3), extension.queueLifetime());
        assertEquals(3, extension.deliveriesExtended());
        assertEquals(Duration.ofDays(3), inTransaction(em -> em.find(HostedDomain.class, domain.getId()).getQueueLifetime()));
        assertEquals(thirdArrival.plus(Duration.ofDays(3)), reread(queued).getExpiresAt());
        assertEquals(firstArrival.plus(Duration.ofDays(3)), reread(deferred).getExpiresAt());
        assertEquals(secondArrival.plus(Duration.ofDays(3)), reread(delivering).getExpiresAt());
        assertEquals(firstArrival.plus(Duration.ofDays(2)), reread(delivered).getExpiresAt(), "finished mail is history");
        assertEquals(firstArrival.plus(Duration.ofDays(2)), reread(othersDeferred).getExpiresAt());
    }

    @Test
    void anExtensionPastTheMaximumChangesNeitherTheDomainNorItsMail() {
        HostedDomain domain = newDomain(Duration.ofDays(13));
        Instant arrival = NOW.minusSeconds(3600);
        long deferred = delivery(domain, arrival, DeliveryState.DEFERRED);

        assertThrows(QueueLifetimeTooLong.class, () -> inTransaction(em ->
                new DomainQueue(em).extendQueueLifetime(em.merge(domain), Duration.ofDays(2))));

        assertEquals(Duration.ofDays(13), inTransaction(em -> em.find(HostedDomain.class, domain.getId()).getQueueLifetime()));
        assertEquals(arrival.plus(Duration.ofDays(13)), reread(deferred).getExpiresAt());
    }

    @Test
    void staffSeeEachDomainWithWaitingMailWithItsCountsTimesAndLatestError() {
        HostedDomain domain = newDomain(HostedDomain.DEFAULT_QUEUE_LIFETIME);
        Instant oldest = NOW.minusSeconds(7200);
        delivery(domain, oldest, DeliveryState.DEFERRED, "421 4.3.2 busy");
        delivery(domain, NOW.minusSeconds(3600), DeliveryState.DEFERRED, "connection refused");
        delivery(domain, NOW.minusSeconds(1800), DeliveryState.DELIVERING);
        delivery(domain, NOW.minusSeconds(5), DeliveryState.QUEUED);
        delivery(domain, NOW.minusSeconds(9000), DeliveryState.DELIVERED);
        HostedDomain allDelivered = newDomain(HostedDomain.DEFAULT_QUEUE_LIFETIME);
        delivery(allDelivered, NOW.minusSeconds(60), DeliveryState.DELIVERED);

        List<PendingMailOfDomain> pending = inTransaction(em -> new DomainQueue(em).pendingByDomain());

        PendingMailOfDomain row = pending.stream().filter(p -> p.domain().equals(domain.getName())).findFirst().orElseThrow();
        assertEquals(domain.getDestination(), row.destination());
        assertEquals(Duration.ofDays(2), row.queueLifetime());
        assertEquals(1, row.queued());
        assertEquals(2, row.deferred());
        assertEquals(1, row.delivering());
        assertEquals(4, row.pending());
        assertEquals(oldest, row.oldestReceivedAt());
        assertEquals(NOW.minusSeconds(5), row.nextAttemptAt(),
                "the queued message is due before the deferred ones' retry, an hour away");
        assertEquals(oldest.plus(Duration.ofDays(2)), row.firstExpiresAt());
        assertEquals("connection refused", row.lastError(), "the error of the latest failed delivery");
        assertTrue(pending.stream().noneMatch(p -> p.domain().equals(allDelivered.getName())),
                "a domain with nothing waiting is not listed");
        assertEquals(pending.stream().map(PendingMailOfDomain::domain).sorted().toList(),
                pending.stream().map(PendingMailOfDomain::domain).toList(), "listed by name");
    }

    private static HostedDomain newDomain(Duration queueLifetime) {
        int n = DOMAINS.incrementAndGet();
        return inTransaction(em -> {
            Customer customer = em.createQuery("select c from Customer c where c.name = 'Customer Example Ltd'", Customer.class)
                    .getSingleResult();
            HostedDomain domain = HostedDomain.feed(DomainName.of("queue-" + n + "-" + System.nanoTime() + ".example"),
                    customer, new Destination("192.0.2." + n, 2500 + n), NOW);
            if (queueLifetime.compareTo(HostedDomain.DEFAULT_QUEUE_LIFETIME) > 0) {
                domain.extendQueueLifetimeBy(queueLifetime.minus(HostedDomain.DEFAULT_QUEUE_LIFETIME));
            }
            em.persist(domain);
            return domain;
        });
    }

    private static long delivery(HostedDomain domain, Instant received, DeliveryState state) {
        return delivery(domain, received, state, "451 4.3.0 try again later");
    }

    /** A delivery of a message received at the given time, brought into the given state the way the relay would. */
    private static long delivery(HostedDomain domain, Instant received, DeliveryState state, String error) {
        long id = inTransaction(em -> {
            MailMessage message = new MailMessage("DQ" + System.nanoTime(), "a@elsewhere.example", "127.0.0.1", null, 1, received);
            em.persist(message);
            Delivery delivery = new Delivery(message, em.merge(domain), EmailAddress.parse("someone@" + domain.getName()),
                    domain.getQueueLifetime());
            switch (state) {
                case DEFERRED -> delivery.deferred(error, AN_HOUR_APART, NOW);
                case DELIVERED -> delivery.delivered(NOW);
                case DELIVERING -> new DeliveryClaims(em, "node-a").claimNew(List.of(delivery), NOW, Duration.ofMinutes(15));
                default -> {
                }
            }
            em.persist(delivery);
            em.flush();
            return delivery.getId();
        });
        assertEquals(state, reread(id).getState());
        return id;
    }

    private static void closed(Destination destination) {
        inTransaction(em -> {
            DestinationStatus status = new DestinationStatus(destination.toString());
            status.failed("connection refused", AN_HOUR_APART, NOW);
            em.persist(status);
            return null;
        });
    }

    private static DestinationStatus status(Destination destination) {
        return inTransaction(em -> em.find(DestinationStatus.class, destination.toString()));
    }

    private static Delivery reread(long deliveryId) {
        return inTransaction(em -> em.find(Delivery.class, deliveryId));
    }

    private static <T> T inTransaction(Function<EntityManager, T> work) {
        return Transactions.inTransaction(factory, work);
    }
}
