package net.smtpfeed.portal.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/**
 * Who is looking at the page, for the header and for what a page offers. Asks the servlet request, not Jakarta
 * Security's SecurityContext: on WildFly getCallerPrincipal() gives a visitor a principal named "anonymous", not null.
 * The request itself, not JSF's ExternalContext, which is already released when the error page renders.
 */
@Named
@RequestScoped
public class Caller {

    @Inject
    private HttpServletRequest request;

    public boolean isLoggedIn() {
        return request.getUserPrincipal() != null;
    }

    /** The user name, or null for a visitor. */
    public String getName() {
        Principal principal = request.getUserPrincipal();
        return principal == null ? null : principal.getName();
    }

    public boolean isCustomer() {
        return request.isUserInRole(SecurityConfiguration.CUSTOMER);
    }

    public boolean isStaff() {
        return request.isUserInRole(SecurityConfiguration.STAFF);
    }

    /** A customer administrator: manages the users of their customer. */
    public boolean isCustomerAdmin() {
        return request.isUserInRole(SecurityConfiguration.CUSTOMER_ADMIN);
    }

    /** An administrator: manages the staff accounts. */
    public boolean isAdministrator() {
        return request.isUserInRole(SecurityConfiguration.ADMINISTRATOR);
    }
}
