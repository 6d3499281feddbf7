package net.smtpfeed.portal.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The random token the header's logout form carries, one per session: another site cannot know it, so it cannot log
 * a caller out. A plain form rather than a Faces one, which would post back to the page it is on, and on an error
 * page that is a view the post cannot restore.
 */
@Named
@RequestScoped
public class LogoutToken {

    private static final String ATTRIBUTE = LogoutToken.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private HttpServletRequest request;

    /** The session's token, made on first use. */
    public String getValue() {
        HttpSession session = request.getSession();
        Object token = session.getAttribute(ATTRIBUTE);
        if (token == null) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(ATTRIBUTE, token);
        }
        return (String) token;
    }

    /** Whether a posted token is the session's. */
    static boolean matches(HttpSession session, String posted) {
        Object token = session.getAttribute(ATTRIBUTE);
        return token != null && posted != null && MessageDigest.isEqual(
                ((String) token).getBytes(StandardCharsets.UTF_8), posted.getBytes(StandardCharsets.UTF_8));
    }
}
