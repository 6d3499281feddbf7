package net.smtpfeed.domain.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;
import net.smtpfeed.domain.login.LoginFailures;
import net.smtpfeed.domain.login.LoginThrottle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Failed logins kept in the database, as every portal node sees them. */
class LoginFailuresTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final LoginThrottle THROTTLE = new LoginThrottle(3, 5, Duration.ofMinutes(15), Duration.ofMinutes(1),
            Duration.ofMinutes(15));

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
    void anAccountsFailuresFromAnyAddressAndInAnyCaseAddUp() {
        fail("Anna", "192.0.2.1", NOW);
        fail("anna ", "192.0.2.2", NOW);
        fail("ANNA", "192.0.2.3", NOW);

        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(1))), refusedUntil("anna", "198.51.100.1", NOW));
        assertEquals(Optional.empty(), refusedUntil("bert", "198.51.100.1", NOW), "another account may try");
    }

    @Test
    void anAddressFailingForManyAccountsIsRefusedForEveryAccount() {
        for (int i = 0; i < 5; i++) {
            fail("guess" + i, "203.0.113.9", NOW);
        }
        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(1))), refusedUntil("carla", "203.0.113.9", NOW));
        assertEquals(Optional.empty(), refusedUntil("carla", "203.0.113.10", NOW));
    }

    @Test
    void aSuccessfulLoginForgetsTheAccountsFailures() {
        fail("dora", "192.0.2.7", NOW);
        fail("dora", "192.0.2.7", NOW);
        inTransaction(em -> {
            new LoginFailures(em, THROTTLE).succeeded("Dora");
            return null;
        });
        fail("dora", "192.0.2.7", NOW);
        assertEquals(Optional.empty(), refusedUntil("dora", "192.0.2.8", NOW));
    }

    @Test
    void failuresOutsideTheWindowAreForgotten() {
        Instant longAgo = NOW.minus(Duration.ofHours(1));
        fail("emil", "192.0.2.9", longAgo);
        fail("emil", "192.0.2.9", longAgo);
        fail("emil", "192.0.2.9", NOW);
        assertEquals(Optional.empty(), refusedUntil("emil", "192.0.2.9", NOW));
        assertEquals(1L, (long) inTransaction(em -> em.createQuery(
                "select count(f) from LoginFailure f where f.account = 'emil'", Long.class).getSingleResult()),
                "the old rows are purged");
    }

    private static void fail(String account, String address, Instant at) {
        inTransaction(em -> {
            new LoginFailures(em, THROTTLE).failed(account, address, at);
            return null;
        });
    }

    private static Optional<Instant> refusedUntil(String account, String address, Instant now) {
        return inTransaction(em -> new LoginFailures(em, THROTTLE).refusedUntil(account, address, now));
    }

    private static <T> T inTransaction(Function<EntityManager, T> work) {
        return Transactions.inTransaction(factory, work);
    }
}
