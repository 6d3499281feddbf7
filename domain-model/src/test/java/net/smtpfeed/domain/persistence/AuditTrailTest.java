package net.smtpfeed.domain.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import net.smtpfeed.domain.audit.AuditEntry;
import net.smtpfeed.domain.audit.AuditTrail;
import net.smtpfeed.domain.customer.Customer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audit log on the real schema (H2 here; MySQL with -Pmysql): what is written, and how staff find it. */
class AuditTrailTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

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
    void aChangeIsRecordedWithWhoWhenAndTheOldAndNewValue() {
        Customer customer = newCustomer("Audit Owner");
        inTransaction(em -> new AuditTrail(em).record("anna", em.merge(customer), "domain audit-1.example",
                "spam.med.action", "SUBJECT", "DELETE", NOW));

        List<AuditEntry> entries = find(new AuditTrail.Filter(null, null, null, customer.getId(), null, null));

        assertEquals(1, entries.size());
        AuditEntry entry = entries.get(0);
        assertEquals("anna", entry.getActor());
        assertEquals(NOW, entry.getOccurredAt());
        assertEquals("domain audit-1.example", entry.getSubject());
        assertEquals("spam.med.action", entry.getChange());
        assertEquals("SUBJECT", entry.getOldValue());
        assertEquals("DELETE", entry.getNewValue());
    }

    @Test
    void aChangeThatChangesNothingIsNotRecorded() {
        Customer customer = newCustomer("Audit Unchanged");
        boolean written = inTransaction(em -> new AuditTrail(em).record("anna", em.merge(customer),
                "domain audit-2.example", "greylisting", true, true, NOW));

        assertFalse(written);
        assertEquals(List.of(), find(new AuditTrail.Filter(null, null, null, customer.getId(), null, null)));
    }

    @Test
    void staffFindEntriesByTextActorAndTimeNewestFirst() {
        Customer customer = newCustomer("Audit Search");
        inTransaction(em -> {
            AuditTrail trail = new AuditTrail(em);
            Customer managed = em.merge(customer);
            trail.record("bert", managed, "domain findme.example", "greylisting", "on", "off", NOW.minusSeconds(60));
            trail.record("bert", managed, "domain findme.example", "spam checking", "off", "on", NOW);
            trail.record("carla", managed, "domain other.example", "greylisting", "on", "off", NOW);
            return null;
        });

        List<AuditEntry> byText = find(new AuditTrail.Filter(null, null, null, customer.getId(), "FINDME", null));
        List<AuditEntry> byActor = find(new AuditTrail.Filter(null, null, "carla", customer.getId(), null, null));
        List<AuditEntry> recent = find(new AuditTrail.Filter(NOW.minusSeconds(1), null, null, customer.getId(), null, null));

        assertEquals(List.of("spam checking", "greylisting"), byText.stream().map(AuditEntry::getChange).toList());
        assertEquals(List.of("domain other.example"), byActor.stream().map(AuditEntry::getSubject).toList());
        assertEquals(2, recent.size());
        assertTrue(recent.stream().allMatch(e -> !e.getOccurredAt().isBefore(NOW)));
    }

    @Test
    void staffFilterByKindOfChangeAndCountWhatTheFilterFinds() {
        Customer customer = newCustomer("Audit Kinds");
        inTransaction(em -> {
            AuditTrail trail = new AuditTrail(em);
            Customer managed = em.merge(customer);
            trail.record("dora", managed, "user eve@kinds.example", "user removed", "CUSTOMER", null, NOW);
            trail.record("dora", managed, "user fred@kinds.example", "role", "CUSTOMER", "CUSTOMER_ADMIN", NOW);
            trail.record("dora", managed, "user gina@kinds.example", "role", "CUSTOMER_ADMIN", "CUSTOMER", NOW);
            return null;
        });
        AuditTrail.Filter roles = new AuditTrail.Filter(null, null, "DORA", customer.getId(), null, "role");

        assertEquals(List.of("user gina@kinds.example", "user fred@kinds.example"),
                find(roles).stream().map(AuditEntry::getSubject).toList());
        assertEquals(2L, (long) inTransaction(em -> new AuditTrail(em).count(roles)));
        assertTrue(inTransaction(em -> new AuditTrail(em).changes()).containsAll(List.of("role", "user removed")));
    }

    private static List<AuditEntry> find(AuditTrail.Filter filter) {
        return inTransaction(em -> new AuditTrail(em).find(filter, 0, 100));
    }

    private static Customer newCustomer(String name) {
        return inTransaction(em -> {
            Customer customer = new Customer(name + " " + System.nanoTime(), NOW);
            em.persist(customer);
            return customer;
        });
    }

    private static <T> T inTransaction(Function<EntityManager, T> work) {
        return Transactions.inTransaction(factory, work);
    }
}
