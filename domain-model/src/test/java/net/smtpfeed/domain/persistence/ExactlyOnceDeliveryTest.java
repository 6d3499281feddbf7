package net.smtpfeed.domain.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.DeliveryClaims;
import net.smtpfeed.domain.mail.DeliveryState;
import net.smtpfeed.domain.mail.EmailAddress;
import net.smtpfeed.domain.mail.MailMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two relay nodes on one database, each with its own connection pool and several workers, drain one queue: every
 * delivery is claimed and delivered exactly once (H2 here; MySQL with -Pmysql).
 */
class ExactlyOnceDeliveryTest {

    private static final int MESSAGES = 2_000;
    private static final int WORKERS_PER_NODE = 4;
    private static final int BATCH = 20;
    private static final Duration LEASE = Duration.ofMinutes(5);

    private static EntityManagerFactory nodeA;
    private static EntityManagerFactory nodeB;

    @BeforeAll
    static void twoNodes() {
        TestDatabase database = TestDatabase.fromBuild().migratedFresh();
        nodeA = database.entityManagerFactory();
        nodeB = database.entityManagerFactory();
    }

    @AfterAll
    static void close() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void twoNodesDrainingOneQueueDeliverEveryMessageExactlyOnce() throws Exception {
        Set<Long> queued = queue(MESSAGES);
        Map<Long, AtomicInteger> deliveredTimes = new ConcurrentHashMap<>();

        ExecutorService workers = Executors.newFixedThreadPool(2 * WORKERS_PER_NODE);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < WORKERS_PER_NODE; i++) {
            running.add(workers.submit(() -> drain(nodeA, "node-a", deliveredTimes)));
            running.add(workers.submit(() -> drain(nodeB, "node-b", deliveredTimes)));
        }
        for (Future<?> worker : running) {
            worker.get();
        }
        workers.shutdown();

        assertTrue(deliveredTimes.keySet().containsAll(queued), "every queued delivery was delivered");
        assertTrue(queued.stream().allMatch(id -> deliveredTimes.get(id).get() == 1), "none was delivered twice");
        EntityManager em = nodeA.createEntityManager();
        try {
            assertEquals((long) MESSAGES, em.createQuery("select count(d) from Delivery d where d.id in :ids and d.state = :state",
                    Long.class).setParameter("ids", queued).setParameter("state", DeliveryState.DELIVERED).getSingleResult());
        } finally {
            em.close();
        }
    }

    /** One worker: claim a batch in one transaction, deliver, record each outcome in another; until nothing is due. */
    private static void drain(EntityManagerFactory node, String nodeName, Map<Long, AtomicInteger> deliveredTimes) {
        EntityManager em = node.createEntityManager();
        try {
            while (true) {
                em.getTransaction().begin();
                List<Long> claimed = new DeliveryClaims(em, nodeName).claimDue(Instant.now(), BATCH, LEASE).stream()
                        .map(Delivery::getId).toList();
                em.getTransaction().commit();
                em.clear();
                if (claimed.isEmpty()) {
                    return;
                }
                em.getTransaction().begin();
                for (Long id : claimed) {
                    em.find(Delivery.class, id).delivered(Instant.now());
                    deliveredTimes.computeIfAbsent(id, x -> new AtomicInteger()).incrementAndGet();
                }
                em.getTransaction().commit();
                em.clear();
            }
        } finally {
            em.close();
        }
    }

    private static Set<Long> queue(int count) {
        EntityManager em = nodeA.createEntityManager();
        try {
            em.getTransaction().begin();
            HostedDomain domain = em.createNamedQuery(HostedDomain.BY_NAME, HostedDomain.class)
                    .setParameter("name", "customer.example").getSingleResult();
            Instant received = Instant.now().minusSeconds(600);
            List<Delivery> deliveries = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                MailMessage message = new MailMessage("ONCE" + i + "-" + System.nanoTime(), "a@b.example", "127.0.0.1", null, 1, received);
                em.persist(message);
                Delivery delivery = new Delivery(message, domain, EmailAddress.parse("r" + i + "@customer.example"),
                        domain.getQueueLifetime());
                em.persist(delivery);
                deliveries.add(delivery);
            }
            em.getTransaction().commit();
            return deliveries.stream().map(Delivery::getId).collect(Collectors.toSet());
        } finally {
            em.close();
        }
    }
}
