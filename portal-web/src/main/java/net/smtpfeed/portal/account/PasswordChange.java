package net.smtpfeed.portal.account;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Instant;
import java.util.Optional;
import net.smtpfeed.domain.audit.AuditTrail;
import net.smtpfeed.domain.customer.PasswordRule;
import net.smtpfeed.domain.customer.PortalUser;

/**
 * A user changes their own password: the current one must be right, the new one must pass {@link PasswordRule}. Hashed
 * by Jakarta Security's PBKDF2 with its defaults, which the identity store verifies with. Audited without the password.
 */
@Stateless
public class PasswordChange {

    /** What came of the change. */
    public enum Outcome {
        CHANGED,
        WRONG_CURRENT_PASSWORD,
        TOO_SHORT,
        SAME_AS_USERNAME
    }

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Inject
    private Pbkdf2PasswordHash passwordHash;

    public Outcome change(String username, String currentPassword, String newPassword) {
        PortalUser user = em.createNamedQuery(PortalUser.BY_USERNAME, PortalUser.class)
                .setParameter("username", username).getSingleResult();
        if (currentPassword == null || !passwordHash.verify(currentPassword.toCharArray(), user.getPasswordHash())) {
            return Outcome.WRONG_CURRENT_PASSWORD;
        }
        Optional<PasswordRule.Problem> problem = PasswordRule.check(username, newPassword);
        if (problem.isPresent()) {
            return problem.get() == PasswordRule.Problem.TOO_SHORT ? Outcome.TOO_SHORT : Outcome.SAME_AS_USERNAME;
        }
        user.changePasswordHash(passwordHash.generate(newPassword.toCharArray()));
        new AuditTrail(em).record(username, user.getCustomer(), "user " + username, "password", null, "changed",
                Instant.now());
        return Outcome.CHANGED;
    }
}
