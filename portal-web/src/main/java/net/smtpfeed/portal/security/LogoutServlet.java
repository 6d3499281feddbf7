package net.smtpfeed.portal.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * POST /logout with the session's {@link LogoutToken}: forgets the caller, ends the session and goes back to the home
 * page. A GET is not allowed (405), and a post without the token is refused (403), so no link or foreign form logs
 * anybody out.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session == null) {
            response.sendRedirect(request.getContextPath() + "/index.xhtml");
            return;
        }
        if (!LogoutToken.matches(session, request.getParameter("token"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        request.logout();
        session.invalidate();
        response.sendRedirect(request.getContextPath() + "/index.xhtml");
    }
}
