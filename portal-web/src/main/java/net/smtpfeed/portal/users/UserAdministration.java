package net.smtpfeed.portal.users;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.smtpfeed.domain.audit.AuditTrail;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.customer.PortalUser;
import net.smtpfeed.domain.customer.Role;
import net.smtpfeed.domain.customer.Team;
import net.smtpfeed.portal.security.Caller;
import net.smtpfeed.portal.security.CallerCustomer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An administrator's work on the users of their side: a customer administrator on their customer's users, an
 * administrator on the staff. Whose users follows from the caller alone, asked anew at every call; anybody else is
 * refused. Each change is one transaction with its audit entry.
 */
@Stateless
public class UserAdministration {

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Inject
    private Caller caller;

    @Inject
    private CallerCustomer callerCustomer;

    @Inject
    @ConfigProperty(name = "smtpfeed.portal.invitation-validity", defaultValue = "P7D")
    Duration invitationValidity;

    public List<PortalUser> members() {
        return new Team(em).members(scope());
    }

    /** @return the token of the invitation link; empty when the address is a user already */
    public Optional<String> invite(String email, String displayName) {
        Team.Scope scope = scope();
        Optional<String> token = new Team(em).invite(scope, email, displayName, caller.getName(), Instant.now(),
                invitationValidity);
        token.ifPresent(t -> audit(customer(scope), "user " + email.strip().toLowerCase(Locale.ROOT), "user invited", null,
                displayName.strip() + " as " + scope.userRole()));
        return token;
    }

    public Duration getInvitationValidity() {
        return invitationValidity;
    }

    public Team.Outcome remove(long userId) {
        Team.Scope scope = scope();
        Team team = new Team(em);
        Optional<PortalUser> user = team.member(scope, userId);
        Team.Outcome outcome = team.remove(scope, userId, caller.getName());
        if (outcome == Team.Outcome.DONE) {
            audit(user.get().getCustomer(), "user " + user.get().getUsername(), "user removed", user.get().getRole(), null);
        }
        return outcome;
    }

    public Team.Outcome changeRole(long userId, boolean administrator) {
        Team.Scope scope = scope();
        Team team = new Team(em);
        Optional<Role> before = team.member(scope, userId).map(PortalUser::getRole);
        Team.Outcome outcome = team.changeRole(scope, userId, administrator);
        if (outcome == Team.Outcome.DONE) {
            PortalUser user = team.member(scope, userId).orElseThrow();
            audit(user.getCustomer(), "user " + user.getUsername(), "role", before.orElseThrow(), user.getRole());
        }
        return outcome;
    }

    private Team.Scope scope() {
        if (caller.isAdministrator()) {
            return Team.Scope.staff();
        }
        if (caller.isCustomerAdmin()) {
            return Team.Scope.customer(callerCustomer.id());
        }
        throw new SecurityException("only administrators manage users, not " + caller.getName());
    }

    private Customer customer(Team.Scope scope) {
        return scope.customerId() == null ? null : em.getReference(Customer.class, scope.customerId());
    }

    private void audit(Customer customer, String subject, String change, Object before, Object after) {
        new AuditTrail(em).record(caller.getName(), customer, subject, change, before, after, Instant.now());
    }
}
