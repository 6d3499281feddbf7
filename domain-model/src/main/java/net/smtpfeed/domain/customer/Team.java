package net.smtpfeed.domain.customer;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The users of one side of the portal, as their administrator manages them: a customer's users (managed by a
 * customer administrator) or the staff (managed by an administrator). Invites, removes, and moves users between
 * plain user and administrator, never leaving the side without an administrator. Inside the caller's transaction.
 */
public final class Team {

    /** Whose users: one customer's, or the staff when customerId is null. */
    public record Scope(Long customerId) {

        public static Scope staff() {
            return new Scope(null);
        }

        public static Scope customer(long customerId) {
            return new Scope(customerId);
        }

        /** The plain user's role on this side. */
        public Role userRole() {
            return customerId == null ? Role.STAFF : Role.CUSTOMER;
        }

        boolean covers(PortalUser user) {
            return customerId == null ? !user.getRole().belongsToCustomer()
                    : user.getCustomer() != null && customerId.equals(user.getCustomer().getId());
        }
    }

    /** What became of an administrator's change. */
    public enum Outcome {
        DONE,
        /** The user already had that role. */
        UNCHANGED,
        /** No such user on this side (perhaps another customer's, or removed meanwhile). */
        NOT_FOUND,
        /** Administrators do not remove themselves. */
        SELF,
        /** The change would leave the side without an administrator. */
        LAST_ADMINISTRATOR
    }

    private final EntityManager em;

    public Team(EntityManager em) {
        this.em = em;
    }

    /** The side's users, by user name. */
    public List<PortalUser> members(Scope scope) {
        return em.createQuery("""
                        select u from PortalUser u
                        where (:customerId is null and u.customer is null) or u.customer.id = :customerId
                        order by u.username""", PortalUser.class)
                .setParameter("customerId", scope.customerId())
                .getResultList();
    }

    /** One user of the side; empty for anybody else's. */
    public Optional<PortalUser> member(Scope scope, long userId) {
        return Optional.ofNullable(em.find(PortalUser.class, userId)).filter(scope::covers);
    }

    /** Removes a user of the side, but never the administrator who asks. */
    public Outcome remove(Scope scope, long userId, String administrator) {
        Optional<PortalUser> user = member(scope, userId);
        if (user.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        if (user.get().getUsername().equals(administrator)) {
            return Outcome.SELF;
        }
        if (user.get().getRole().isAdministrator() && administrators(scope) <= 1) {
            return Outcome.LAST_ADMINISTRATOR;
        }
        em.remove(user.get());
        return Outcome.DONE;
    }

    /** Makes a user of the side an administrator or a plain user, as long as the side keeps an administrator. */
    public Outcome changeRole(Scope scope, long userId, boolean administrator) {
        Optional<PortalUser> user = member(scope, userId);
        if (user.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        Role role = administrator ? user.get().getRole().administrator() : user.get().getRole().user();
        if (role == user.get().getRole()) {
            return Outcome.UNCHANGED;
        }
        if (!administrator && administrators(scope) <= 1) {
            return Outcome.LAST_ADMINISTRATOR;
        }
        user.get().changeRole(role);
        return Outcome.DONE;
    }

    /**
     * Invites a person by email address to become a plain user of the side, for the given time.
     *
     * @return the token of the invitation link, shown once; empty when the address is a user already
     */
    public Optional<String> invite(Scope scope, String email, String displayName, String invitedBy, Instant now,
                                   Duration validFor) {
        String username = email.strip().toLowerCase(Locale.ROOT);
        if (userExists(username)) {
            return Optional.empty();
        }
        Customer customer = scope.customerId() == null ? null : em.getReference(Customer.class, scope.customerId());
        String token = InvitationToken.generate();
        em.persist(new Invitation(InvitationToken.hash(token), customer, username, displayName.strip(),
                scope.userRole(), invitedBy, now, now.plus(validFor)));
        return Optional.of(token);
    }

    /** The invitation the token opens, while it is open. */
    public Optional<Invitation> openInvitation(String token, Instant now) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery("select i from Invitation i where i.tokenHash = :hash", Invitation.class)
                .setParameter("hash", InvitationToken.hash(token))
                .getResultStream()
                .findFirst()
                .filter(invitation -> invitation.isOpen(now));
    }

    /**
     * Makes the invitee a user with the password they chose, and uses the link up.
     *
     * @return the new user; empty when the link is not open, or somebody took the user name meanwhile
     */
    public Optional<PortalUser> accept(String token, String passwordHash, Instant now) {
        Optional<Invitation> invitation = openInvitation(token, now);
        if (invitation.isEmpty() || userExists(invitation.get().getEmail())) {
            return Optional.empty();
        }
        PortalUser user = invitation.get().accept(passwordHash, now);
        em.persist(user);
        return Optional.of(user);
    }

    private boolean userExists(String username) {
        return !em.createNamedQuery(PortalUser.BY_USERNAME, PortalUser.class).setParameter("username", username)
                .getResultList().isEmpty();
    }

    private long administrators(Scope scope) {
        return members(scope).stream().filter(u -> u.getRole().isAdministrator()).count();
    }
}
