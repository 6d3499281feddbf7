package net.smtpfeed.portal.i18n;

import java.util.Locale;

/** One entry of the language switch: a language named in itself ("Deutsch"), and this page's address in it. */
public final class LanguageLink {

    private final Locale language;
    private final String url;
    private final boolean current;

    LanguageLink(Locale language, String url, boolean current) {
        this.language = language;
        this.url = url;
        this.current = current;
    }

    public String getCode() {
        return language.getLanguage();
    }

    public String getName() {
        return language.getDisplayLanguage(language);
    }

    public String getUrl() {
        return url;
    }

    public boolean isCurrent() {
        return current;
    }
}
