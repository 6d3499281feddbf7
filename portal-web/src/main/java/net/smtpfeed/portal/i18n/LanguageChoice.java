package net.smtpfeed.portal.i18n;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.Locale;
import java.util.Optional;

/** The language a visitor picked with the language switch, kept for their session. */
@SessionScoped
public class LanguageChoice implements Serializable {

    private static final long serialVersionUID = 1L;

    private Locale chosen;

    public Optional<Locale> chosen() {
        return Optional.ofNullable(chosen);
    }

    void choose(Locale language) {
        this.chosen = language;
    }
}
