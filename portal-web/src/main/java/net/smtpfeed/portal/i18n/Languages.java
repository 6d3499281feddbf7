package net.smtpfeed.portal.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The languages the portal speaks, and the query parameter that switches between them: {@code ?lang=de} on any page
 * chooses German for the rest of the session, and the address is then shown again without it.
 */
public final class Languages {

    /** English first: the language of every label and article that has no translation. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    static final String PARAMETER = "lang";

    private Languages() {
    }

    /** The supported language a code such as "de" names. */
    public static Optional<Locale> named(String code) {
        return SUPPORTED.stream().filter(language -> language.getLanguage().equals(code)).findFirst();
    }

    /** The first of a browser's languages, in its order of preference, that the portal speaks; else English. */
    static Locale preferred(List<Locale> accepted) {
        return accepted.stream()
                .map(Locale::getLanguage)
                .flatMap(code -> named(code).stream())
                .findFirst()
                .orElse(SUPPORTED.get(0));
    }

    /** The supported language a query string asks for with the parameter, if it asks for one. */
    static Optional<Locale> requestedIn(String query) {
        return parameters(query)
                .filter(p -> p.startsWith(PARAMETER + "="))
                .map(p -> p.substring(PARAMETER.length() + 1))
                .findFirst()
                .flatMap(Languages::named);
    }

    /** The page's address without the parameter: where the switch redirects to once the choice is kept. */
    static String addressWithout(String path, String query) {
        String rest = queryWithout(query);
        return ownPath(path) + (rest == null ? "" : "?" + rest);
    }

    /** The page's address with the parameter set to the language, keeping the page's own parameters. */
    static String addressWith(String path, String query, Locale language) {
        String rest = queryWithout(query);
        return ownPath(path) + "?" + (rest == null ? "" : rest + "&") + PARAMETER + "=" + language.getLanguage();
    }

    /** One leading slash: a path that begins "//host" would make the address a link to another site. */
    private static String ownPath(String path) {
        return path.replaceFirst("^/+", "/");
    }

    private static String queryWithout(String query) {
        String rest = parameters(query).filter(p -> !isLanguageParameter(p)).collect(Collectors.joining("&"));
        return rest.isEmpty() ? null : rest;
    }

    private static Stream<String> parameters(String query) {
        return query == null ? Stream.empty()
                : Arrays.stream(query.split("&")).filter(p -> !p.isEmpty());
    }

    private static boolean isLanguageParameter(String parameter) {
        return parameter.equals(PARAMETER) || parameter.startsWith(PARAMETER + "=");
    }
}
