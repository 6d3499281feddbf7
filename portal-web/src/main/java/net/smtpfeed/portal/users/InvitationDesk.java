package net.smtpfeed.portal.users;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Instant;
import java.util.Optional;
import net.smtpfeed.domain.audit.AuditTrail;
import net.smtpfeed.domain.customer.Invitation;
import net.smtpfeed.domain.customer.PasswordRule;
import net.smtpfeed.domain.customer.PortalUser;
import net.smtpfeed.domain.customer.Team;

/** Where an invitee, not logged in, opens their invitation link and becomes a user with the password they choose. */
@Stateless
public class InvitationDesk {

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Inject
    private Pbkdf2PasswordHash passwordHash;

    public Optional<Invitation> open(String token) {
        return new Team(em).openInvitation(token, Instant.now());
    }

    /**
     * @return the new user; empty when the link is no longer open
     * @throws IllegalArgumentException when the password breaks {@link PasswordRule} (the page checks it first)
     */
    public Optional<PortalUser> accept(String token, String password) {
        Instant now = Instant.now();
        Optional<Invitation> invitation = open(token);
        if (invitation.isEmpty()) {
            return Optional.empty();
        }
        PasswordRule.check(invitation.get().getEmail(), password).ifPresent(problem -> {
            throw new IllegalArgumentException("password refused: " + problem);
        });
        Optional<PortalUser> user = new Team(em).accept(token, passwordHash.generate(password.toCharArray()), now);
        user.ifPresent(u -> new AuditTrail(em).record(u.getUsername(), u.getCustomer(), "user " + u.getUsername(),
                "invitation accepted", null, u.getRole(), now));
        return user;
    }
}
