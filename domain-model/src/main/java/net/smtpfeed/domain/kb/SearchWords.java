package net.smtpfeed.domain.kb;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a visitor typed into the knowledge base's search box, as the words an article must all contain. Matching is
 * case-insensitive; a visitor's % and _ are letters, not wildcards.
 */
public final class SearchWords {

    /** More words narrow a search of a few dozen articles no further, and each is a condition in the query. */
    static final int MAX_WORDS = 6;

    private static final char ESCAPE = '!';

    private final List<String> words;

    private SearchWords(List<String> words) {
        this.words = words;
    }

    public static SearchWords of(String query) {
        if (query == null) {
            return new SearchWords(List.of());
        }
        return new SearchWords(Arrays.stream(query.strip().split("\\s+"))
                .filter(word -> !word.isEmpty())
                .map(word -> word.toLowerCase(Locale.ROOT))
                .distinct()
                .limit(MAX_WORDS)
                .toList());
    }

    public List<String> words() {
        return words;
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** One LIKE pattern per word, for a lower-cased column, to be used with {@link #escapeCharacter()}. */
    List<String> likePatterns() {
        return words.stream().map(word -> "%" + escaped(word) + "%").toList();
    }

    /** Not a backslash: MySQL reads one inside a string literal as an escape of its own. */
    static char escapeCharacter() {
        return ESCAPE;
    }

    private static String escaped(String word) {
        StringBuilder escaped = new StringBuilder();
        for (char c : word.toCharArray()) {
            if (c == ESCAPE || c == '%' || c == '_') {
                escaped.append(ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
