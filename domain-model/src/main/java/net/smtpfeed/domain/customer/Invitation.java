package net.smtpfeed.domain.customer;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * An invitation to become a portal user of a customer (or of the staff, when the customer is null), opened by a
 * single-use link until it expires. The invitee's email address becomes the user name.
 */
@Entity
@Table(name = "user_invitation")
public class Invitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY)
    private Customer customer;

    private String email;

    private String displayName;

    @Enumerated(EnumType.STRING)
    private Role role;

    private String invitedBy;

    private Instant createdAt;

    private Instant expiresAt;

    private Instant acceptedAt;

    protected Invitation() {
    }

    Invitation(String tokenHash, Customer customer, String email, String displayName, Role role, String invitedBy,
               Instant createdAt, Instant expiresAt) {
        if (role.belongsToCustomer() != (customer != null)) {
            throw new IllegalArgumentException(role + " users " + (role.belongsToCustomer() ? "need" : "have no") + " customer");
        }
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.customer = customer;
        this.email = Objects.requireNonNull(email);
        this.displayName = Objects.requireNonNull(displayName);
        this.role = role;
        this.invitedBy = Objects.requireNonNull(invitedBy);
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Whether the link still opens: not used yet and not expired. */
    public boolean isOpen(Instant now) {
        return acceptedAt == null && now.isBefore(expiresAt);
    }

    /** The user the invitation makes, with the password the invitee chose; the link is used up. */
    PortalUser accept(String passwordHash, Instant now) {
        if (!isOpen(now)) {
            throw new IllegalStateException("invitation " + id + " is no longer open");
        }
        acceptedAt = now;
        return new PortalUser(email, passwordHash, role, customer, displayName);
    }

    public Long getId() {
        return id;
    }

    public Customer getCustomer() {
        return customer;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public String getInvitedBy() {
        return invitedBy;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
