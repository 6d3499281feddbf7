package net.smtpfeed.portal.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language of this request (the visitor's choice, else their browser's first language the portal speaks), which
 * the main template gives the view, and the language switch's links to this same page in each language.
 */
@Named
@RequestScoped
public class Language {

    @Inject
    private LanguageChoice choice;

    @Inject
    private HttpServletRequest request;

    public Locale getLocale() {
        // Only a session can hold a choice: asking the session-scoped choice would start one for every visitor.
        boolean mayHaveChosen = request.getSession(false) != null;
        return (mayHaveChosen ? choice.chosen() : Optional.<Locale>empty())
                .orElseGet(() -> Languages.preferred(Collections.list(request.getLocales())));
    }

    public List<LanguageLink> getLinks() {
        Locale current = getLocale();
        return Languages.SUPPORTED.stream()
                .map(language -> new LanguageLink(language, switchUrl(language), language.equals(current)))
                .toList();
    }

    /** Another language's name in this request's language ("German" to an English reader). */
    public String nameOf(Locale other) {
        return other.getDisplayLanguage(getLocale());
    }

    /**
     * An error page is shown at the address that failed, and the request still has that address's query string: the
     * switch goes there, not to the error page's own path.
     */
    private String switchUrl(Locale language) {
        Object failedUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failedUri == null ? request.getRequestURI() : failedUri.toString();
        return Languages.addressWith(path, request.getQueryString(), language);
    }
}
