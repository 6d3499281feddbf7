package net.smtpfeed.domain.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.customer.PortalUser;
import net.smtpfeed.domain.customer.Role;
import net.smtpfeed.domain.customer.Team;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A side's users as their administrator manages them, on the real schema. */
class TeamTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Duration WEEK = Duration.ofDays(7);

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
    void aCustomerAdministratorSeesTheCustomersUsersOnly() {
        Team.Scope example = Team.Scope.customer(customerIdOf("customer"));
        List<String> members = inTransaction(em -> new Team(em).members(example).stream()
                .map(PortalUser::getUsername).toList());
        assertEquals(List.of("colleague", "customer"), members);
    }

    @Test
    void theStaffScopeHoldsTheStaffAndTheAdministrators() {
        List<String> members = inTransaction(em -> new Team(em).members(Team.Scope.staff()).stream()
                .map(PortalUser::getUsername).toList());
        assertTrue(members.containsAll(List.of("admin", "staff")), members.toString());
        assertTrue(members.stream().noneMatch(List.of("customer", "other", "colleague")::contains), members.toString());
    }

    @Test
    void anotherCustomersUserIsNotFound() {
        Team.Scope other = Team.Scope.customer(customerIdOf("other"));
        long colleague = userId("colleague");
        assertEquals(Team.Outcome.NOT_FOUND, inTransaction(em -> new Team(em).remove(other, colleague, "other")));
        assertEquals(Team.Outcome.NOT_FOUND, inTransaction(em -> new Team(em).changeRole(other, colleague, true)));
    }

    @Test
    void anAdministratorDoesNotRemoveThemselves() {
        Team.Scope example = Team.Scope.customer(customerIdOf("customer"));
        assertEquals(Team.Outcome.SELF, inTransaction(em -> new Team(em).remove(example, userId("customer"), "customer")));
    }

    @Test
    void theOnlyAdministratorStaysOne() {
        Team.Scope other = Team.Scope.customer(customerIdOf("other"));
        assertEquals(Team.Outcome.LAST_ADMINISTRATOR,
                inTransaction(em -> new Team(em).changeRole(other, userId("other"), false)));
    }

    @Test
    void anInviteeChoosesAPasswordOnceAndIsThenAUserOfTheCustomer() {
        Customer customer = newCustomer("Invites");
        Team.Scope scope = Team.Scope.customer(customer.getId());
        String token = inTransaction(em -> new Team(em).invite(scope, " Ines@Invites.Example ", "Ines", "boss", NOW, WEEK))
                .orElseThrow();

        Optional<PortalUser> user = inTransaction(em -> new Team(em).accept(token, "hash", NOW.plusSeconds(60)));

        assertEquals("ines@invites.example", user.orElseThrow().getUsername());
        assertEquals(Role.CUSTOMER, user.get().getRole());
        assertEquals(List.of("ines@invites.example"), inTransaction(em -> new Team(em).members(scope).stream()
                .map(PortalUser::getUsername).toList()));
        assertEquals(Optional.empty(), inTransaction(em -> new Team(em).accept(token, "hash", NOW.plusSeconds(61))),
                "the link is used up");
    }

    @Test
    void anExpiredInvitationOpensNothing() {
        Team.Scope scope = Team.Scope.customer(newCustomer("Expired").getId());
        String token = inTransaction(em -> new Team(em).invite(scope, "late@expired.example", "Late", "boss", NOW, WEEK))
                .orElseThrow();
        assertEquals(Optional.empty(), inTransaction(em -> new Team(em).accept(token, "hash", NOW.plus(WEEK))));
    }

    @Test
    void anExistingUserIsNotInvited() {
        Team.Scope scope = Team.Scope.customer(customerIdOf("customer"));
        assertEquals(Optional.empty(), inTransaction(em -> new Team(em).invite(scope, "colleague", "Colin", "customer",
                NOW, WEEK)));
    }

    @Test
    void aPromotedUserCanThenBeRemovedByTheOtherAdministrator() {
        Customer customer = newCustomer("Promotion");
        Team.Scope scope = Team.Scope.customer(customer.getId());
        long first = newUser("first@promotion.example", Role.CUSTOMER_ADMIN, customer);
        long second = newUser("second@promotion.example", Role.CUSTOMER, customer);

        assertEquals(Team.Outcome.DONE, inTransaction(em -> new Team(em).changeRole(scope, second, true)));
        assertEquals(Team.Outcome.UNCHANGED, inTransaction(em -> new Team(em).changeRole(scope, second, true)));
        assertEquals(Team.Outcome.DONE, inTransaction(em -> new Team(em).remove(scope, first, "second@promotion.example")));
        assertEquals(List.of("second@promotion.example"), inTransaction(em -> new Team(em).members(scope).stream()
                .map(PortalUser::getUsername).toList()));
    }

    private static long customerIdOf(String username) {
        return inTransaction(em -> em.createNamedQuery(PortalUser.BY_USERNAME, PortalUser.class)
                .setParameter("username", username).getSingleResult().getCustomer().getId());
    }

    private static long userId(String username) {
        return inTransaction(em -> em.createNamedQuery(PortalUser.BY_USERNAME, PortalUser.class)
                .setParameter("username", username).getSingleResult().getId());
    }

    private static long newUser(String username, Role role, Customer customer) {
        return inTransaction(em -> {
            PortalUser user = new PortalUser(username, "hash", role, em.merge(customer), username);
            em.persist(user);
            return user;
        }).getId();
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
