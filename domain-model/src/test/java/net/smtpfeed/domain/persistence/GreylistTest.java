package net.smtpfeed.domain.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import net.smtpfeed.domain.greylist.Greylist;
import net.smtpfeed.domain.greylist.GreylistEntry;
import net.smtpfeed.domain.greylist.GreylistNetwork;
import net.smtpfeed.domain.greylist.GreylistSettings;
import net.smtpfeed.domain.greylist.GreylistVerdict;
import net.smtpfeed.domain.greylist.GreylistVerdict.Defer;
import net.smtpfeed.domain.greylist.GreylistVerdict.Pass;
import net.smtpfeed.domain.greylist.Triplet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Greylisting's decisions over its tables, on H2 and (with -Pmysql) on MySQL/MariaDB. */
class GreylistTest {

    private static final GreylistSettings SETTINGS =
            new GreylistSettings(Duration.ofMinutes(5), Duration.ofDays(2), Duration.ofDays(35), 3);
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final Triplet TRIPLET = Triplet.of("192.0.2.7", "bob@sender.example", "alice@customer.example");

    private static EntityManagerFactory factory;

    @BeforeAll
    static void migrate() {
        factory = TestDatabase.fromBuild().migratedFresh().entityManagerFactory();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @BeforeEach
    void forgetEverySeenTriplet() {
        inTransaction(em -> em.createQuery("delete from GreylistEntry").executeUpdate()
                + em.createQuery("delete from GreylistNetwork").executeUpdate());
    }

    @Test
    void aFirstSightIsDeferredForTheDelayAndRecorded() {
        assertEquals(new Defer(Duration.ofMinutes(5)), check(TRIPLET, T0));
        GreylistEntry entry = entry(TRIPLET);
        assertEquals(T0, entry.getFirstSeen());
        assertNull(entry.getPassedAt());
        assertEquals("192.0.2.0/24", entry.getClientNetwork());
        assertEquals("bob@sender.example", entry.getSender());
    }

    @Test
    void aRetryBeforeTheDelayIsDeferredForTheRest() {
        check(TRIPLET, T0);
        assertEquals(new Defer(Duration.ofSeconds(100)), check(TRIPLET, T0.plusSeconds(200)));
        assertEquals(T0, entry(TRIPLET).getFirstSeen(), "an early retry does not restart the delay");
    }

    @Test
    void aRetryInsideTheWindowPassesAndTheNextMessagePassesAtOnce() {
        check(TRIPLET, T0);
        Instant retry = T0.plusSeconds(312);
        assertEquals(new Pass("retried after 312 s"), check(TRIPLET, retry));
        assertEquals(retry, entry(TRIPLET).getPassedAt());
        assertEquals(new Pass("whitelisted triplet"), check(TRIPLET, retry.plus(Duration.ofDays(10))));
        assertEquals(retry.plus(Duration.ofDays(10)), entry(TRIPLET).getLastSeen());
        assertEquals(1, network(TRIPLET).getPasses());
    }

    @Test
    void aRetryAtTheVeryEndOfTheDelayPasses() {
        check(TRIPLET, T0);
        assertInstanceOf(Pass.class, check(TRIPLET, T0.plus(SETTINGS.delay())));
    }

    @Test
    void aRetryAfterTheWindowIsAFirstSightAgain() {
        check(TRIPLET, T0);
        Instant late = T0.plus(Duration.ofDays(2)).plusSeconds(1);
        assertEquals(new Defer(Duration.ofMinutes(5)), check(TRIPLET, late));
        assertEquals(late, entry(TRIPLET).getFirstSeen());
        assertEquals(new Defer(Duration.ofMinutes(1)), check(TRIPLET, late.plus(Duration.ofMinutes(4))));
        assertInstanceOf(Pass.class, check(TRIPLET, late.plus(Duration.ofMinutes(5))));
    }

    @Test
    void aWhitelistedTripletUnseenForMaxAgeIsGreylistedAgain() {
        check(TRIPLET, T0);
        Instant passed = T0.plus(Duration.ofMinutes(6));
        check(TRIPLET, passed);
        assertInstanceOf(Pass.class, check(TRIPLET, passed.plus(Duration.ofDays(35))), "exactly maxAge unseen still passes");
        Instant back = passed.plus(Duration.ofDays(70)).plusSeconds(1);
        assertEquals(new Defer(Duration.ofMinutes(5)), check(TRIPLET, back));
        GreylistEntry entry = entry(TRIPLET);
        assertEquals(back, entry.getFirstSeen());
        assertNull(entry.getPassedAt());
    }

    @Test
    void aNetworkPassesAnyTripletAfterNPassedTriplets() {
        for (int i = 1; i <= 3; i++) {
            Triplet triplet = Triplet.of("192.0.2." + i, "news@sender.example", "user" + i + "@customer.example");
            assertInstanceOf(Defer.class, check(triplet, T0));
            assertInstanceOf(Pass.class, check(triplet, T0.plus(Duration.ofMinutes(10))));
        }
        Triplet unseenButSameNetwork = Triplet.of("192.0.2.200", "other@elsewhere.example", "new@customer.example");
        Instant later = T0.plus(Duration.ofHours(1));
        assertEquals(new Pass("client network whitelisted after 3 passes"), check(unseenButSameNetwork, later));
        assertEquals(later, network(unseenButSameNetwork).getLastSeen());
        assertNull(entry(unseenButSameNetwork), "a whitelisted network's triplets are not recorded");
        Triplet otherNetwork = Triplet.of("192.0.3.1", "other@elsewhere.example", "new@customer.example");
        assertInstanceOf(Defer.class, check(otherNetwork, later));
    }

    @Test
    void theSameTripletPassingAgainDoesNotCountTowardsTheNetwork() {
        check(TRIPLET, T0);
        for (int i = 0; i < 5; i++) {
            check(TRIPLET, T0.plus(Duration.ofMinutes(10 + i)));
        }
        assertEquals(1, network(TRIPLET).getPasses());
        assertInstanceOf(Defer.class, check(Triplet.of("192.0.2.9", "x@sender.example", "y@customer.example"),
                T0.plus(Duration.ofHours(1))));
    }

    @Test
    void purgeDeletesExpiredTripletsAndNetworksAndKeepsTheRest() {
        Instant now = T0.plus(Duration.ofDays(100));
        Triplet greylistedInsideWindow = Triplet.of("198.51.100.1", "a@s.example", "r@customer.example");
        Triplet greylistedPastWindow = Triplet.of("198.51.100.2", "b@s.example", "r@customer.example");
        Triplet passedRecentlySeen = Triplet.of("203.0.113.1", "c@s.example", "r@customer.example");
        Triplet passedUnseenTooLong = Triplet.of("2001:db8::1", "d@s.example", "r@customer.example");
        check(greylistedInsideWindow, now.minus(Duration.ofDays(1)));
        check(greylistedPastWindow, now.minus(Duration.ofDays(2)).minusSeconds(1));
        check(passedRecentlySeen, now.minus(Duration.ofDays(60)));
        check(passedRecentlySeen, now.minus(Duration.ofDays(60)).plus(Duration.ofMinutes(6)));
        check(passedRecentlySeen, now.minus(Duration.ofDays(34)));
        check(passedUnseenTooLong, now.minus(Duration.ofDays(40)));
        check(passedUnseenTooLong, now.minus(Duration.ofDays(40)).plus(Duration.ofMinutes(6)));

        int deleted = inTransaction(em -> new Greylist(em, SETTINGS).purge(now));

        assertEquals(4, deleted, "two triplets and the networks 203.0.113.0/24 and 2001:db8::/64");
        assertNotNull(entry(greylistedInsideWindow));
        assertNull(entry(greylistedPastWindow));
        assertNotNull(entry(passedRecentlySeen));
        assertNull(entry(passedUnseenTooLong));
        assertNull(network(passedRecentlySeen), "a network's last_seen is its last counted pass (60 days ago), not its"
                + " whitelisted triplets' traffic: its count starts over, its whitelisted triplet stays");
        assertNull(network(passedUnseenTooLong));
    }

    /**
     * Two relay nodes see the same new triplet at once. The first node's lookup and insert hold their locks until it
     * commits; the second node's check either waits for that commit and then finds the row (a Defer for the rest of
     * the delay), or finds no row, inserts the same hash and fails with a PersistenceException, after which its
     * transaction can only be rolled back. Either way it never passes, the triplet is recorded once, and the caller's
     * answer for the failure (a Defer) is right: the client's retry finds the row.
     */
    @Test
    void aConcurrentFirstSightDefersOrFailsWithAPersistenceExceptionButNeverPassesOrRecordsTwice() throws Exception {
        EntityManager firstNode = factory.createEntityManager();
        try {
            firstNode.getTransaction().begin();
            assertEquals(new Defer(Duration.ofMinutes(5)), new Greylist(firstNode, SETTINGS).check(TRIPLET, T0));
            CompletableFuture<Object> secondNode = CompletableFuture.supplyAsync(this::checkOnSecondNodeOneSecondLater);
            Thread.sleep(500);
            firstNode.getTransaction().commit();
            Object outcome = secondNode.get(60, TimeUnit.SECONDS);
            if (outcome instanceof GreylistVerdict verdict) {
                assertEquals(new Defer(Duration.ofMinutes(5).minusSeconds(1)), verdict);
            } else {
                assertInstanceOf(PersistenceException.class, outcome, () -> "unexpected: " + outcome);
            }
            System.out.println("GreylistTest: concurrent first sight on the second node gave " + outcome);
        } finally {
            if (firstNode.getTransaction().isActive()) {
                firstNode.getTransaction().rollback();
            }
            firstNode.close();
        }
        assertEquals(Long.valueOf(1), inTransaction((EntityManager em) -> em.createQuery(
                "select count(e) from GreylistEntry e where e.tripletHash = :hash", Long.class)
                .setParameter("hash", TRIPLET.hash()).getSingleResult()));
        assertEquals(T0, entry(TRIPLET).getFirstSeen());
        assertInstanceOf(Pass.class, check(TRIPLET, T0.plus(Duration.ofMinutes(5))));
    }

    private Object checkOnSecondNodeOneSecondLater() {
        EntityManager secondNode = factory.createEntityManager();
        try {
            secondNode.getTransaction().begin();
            GreylistVerdict verdict = new Greylist(secondNode, SETTINGS).check(TRIPLET, T0.plusSeconds(1));
            secondNode.getTransaction().commit();
            return verdict;
        } catch (PersistenceException e) {
            return e;
        } finally {
            if (secondNode.getTransaction().isActive()) {
                secondNode.getTransaction().rollback();
            }
            secondNode.close();
        }
    }

    private static GreylistVerdict check(Triplet triplet, Instant now) {
        return inTransaction(em -> new Greylist(em, SETTINGS).check(triplet, now));
    }

    private static GreylistEntry entry(Triplet triplet) {
        return inTransaction(em -> em.createQuery("select e from GreylistEntry e where e.tripletHash = :hash",
                GreylistEntry.class).setParameter("hash", triplet.hash()).getResultList().stream().findFirst().orElse(null));
    }

    private static GreylistNetwork network(Triplet triplet) {
        return inTransaction(em -> em.find(GreylistNetwork.class, triplet.network().value()));
    }

    private static <T> T inTransaction(Function<EntityManager, T> work) {
        return Transactions.inTransaction(factory, work);
    }
}
