package net.smtpfeed.portal.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;

/** The tenant of the current request: the customer the logged-in portal user belongs to. */
@RequestScoped
public class CallerCustomer {

    @Inject
    private SecurityContext security;

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    /**
     * The caller's customer id. Only customer pages ask, and a CUSTOMER user always has a customer, so a caller
     * without one is a mistake in the page's protection and fails rather than being shown anything.
     */
    public long id() {
        Principal principal = security.getCallerPrincipal();
        if (principal == null) {
            throw new IllegalStateException("no caller to scope the request to");
        }
        return em.createQuery("select c.id from PortalUser u join u.customer c where u.username = :username", Long.class)
                .setParameter("username", principal.getName())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(principal.getName() + " belongs to no customer"));
    }
}
