package net.smtpfeed.portal.i18n;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Takes the language switch's {@code ?lang=xx} off any page address: remembers the language for the session and
 * redirects to the same address without it, so that what a visitor bookmarks or shares is the page's own address.
 * GET only, and from the raw query string: reading a parameter of a POST here would decode the form before Faces sets
 * its character encoding.
 */
@WebFilter("/*")
public class LanguageSwitchFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private LanguageChoice choice;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Locale> requested = "GET".equals(request.getMethod())
                ? Languages.requestedIn(request.getQueryString()) : Optional.empty();
        if (requested.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        choice.choose(requested.get());
        response.sendRedirect(Languages.addressWithout(request.getRequestURI(), request.getQueryString()));
    }
}
