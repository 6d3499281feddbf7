package net.smtpfeed.domain.customer;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import java.util.Objects;

/** A person who logs in to the portal; the password is kept only as a Jakarta Security PBKDF2 hash. */
@Entity
@NamedQuery(name = PortalUser.BY_USERNAME, query = "select u from PortalUser u where u.username = :username")
public class PortalUser {

    public static final String BY_USERNAME = "PortalUser.byUsername";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    @ManyToOne(fetch = FetchType.LAZY)
    private Customer customer;

    private String displayName;

    protected PortalUser() {
    }

    public PortalUser(String username, String passwordHash, Role role, Customer customer, String displayName) {
        if (role.belongsToCustomer() != (customer != null)) {
            throw new IllegalArgumentException(role + " users " + (role.belongsToCustomer() ? "need" : "have no") + " customer");
        }
        this.username = Objects.requireNonNull(username);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.role = role;
        this.customer = customer;
        this.displayName = displayName;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public Customer getCustomer() {
        return customer;
    }

    public String getDisplayName() {
        return displayName;
    }

    /** Moves the user between plain user and administrator of the same side; never across sides. */
    public void changeRole(Role newRole) {
        if (newRole.belongsToCustomer() != role.belongsToCustomer()) {
            throw new IllegalArgumentException(username + " is " + role + " and cannot become " + newRole);
        }
        this.role = newRole;
    }

    public void changePasswordHash(String newPasswordHash) {
        this.passwordHash = Objects.requireNonNull(newPasswordHash);
    }
}
