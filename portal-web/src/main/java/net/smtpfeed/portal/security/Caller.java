package net.smtpfeed.portal.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.security.Principal;

/**
 * Who is looking at the page, for the header and for what a page offers. Asks the servlet request, not Jakarta
 * Security's SecurityContext: on WildFly getCallerPrincipal() gives a visitor a principal named "anonymous", not null.
 */
@Named
@RequestScoped
public class Caller {

    @Inject
    private ExternalContext external;

    public boolean isLoggedIn() {
        return external.getUserPrincipal() != null;
    }

    /** The user name, or null for a visitor. */
    public String getName() {
        Principal principal = external.getUserPrincipal();
        return principal == null ? null : principal.getName();
    }

    public boolean isCustomer() {
        return external.isUserInRole(SecurityConfiguration.CUSTOMER);
    }

    public boolean isStaff() {
        return external.isUserInRole(SecurityConfiguration.STAFF);
    }
}
