package net.smtpfeed.portal.security;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import net.smtpfeed.domain.customer.PortalUser;
import net.smtpfeed.domain.customer.Role;

/** The role a user name has in the database now: empty once the user has been removed. */
@Stateless
public class SignedInAccount {

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    public Optional<Role> currentRole(String username) {
        return em.createNamedQuery(PortalUser.BY_USERNAME, PortalUser.class).setParameter("username", username)
                .getResultStream()
                .findFirst()
                .map(PortalUser::getRole);
    }
}
