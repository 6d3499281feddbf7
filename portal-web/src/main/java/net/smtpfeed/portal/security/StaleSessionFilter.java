package net.smtpfeed.portal.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import net.smtpfeed.domain.customer.Role;

/**
 * Ends the session of a caller whose account has been removed, or whose role has changed, since they logged in:
 * the session keeps the groups of the login, so without this a removed user would go on working until it idles out.
 * The caller is sent to the login page. Stylesheets and scripts are not asked about: they show nobody's data.
 */
@WebFilter(urlPatterns = "/*")
public class StaleSessionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private SignedInAccount account;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null && !isResource(request) && !stillHolds(request)) {
            request.logout();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login.xhtml");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isResource(HttpServletRequest request) {
        return request.getServletPath().startsWith("/jakarta.faces.resource/");
    }

    /** Whether the caller's groups are still exactly those of their role in the database. */
    private boolean stillHolds(HttpServletRequest request) {
        Optional<Role> role = account.currentRole(request.getUserPrincipal().getName());
        return role.isPresent() && Arrays.stream(Role.values())
                .allMatch(group -> request.isUserInRole(group.name()) == role.get().groups().contains(group));
    }
}
