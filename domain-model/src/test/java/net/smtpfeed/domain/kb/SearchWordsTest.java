package net.smtpfeed.domain.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchWordsTest {

    @Test
    void theQueryIsSplitIntoLowerCaseWordsEachOnce() {
        assertEquals(List.of("smtp", "feed"), SearchWords.of("  SMTP   Feed smtp ").words());
    }

    @Test
    void aBlankQueryHasNoWords() {
        assertTrue(SearchWords.of("   ").isEmpty());
        assertTrue(SearchWords.of(null).isEmpty());
    }

    @Test
    void percentAndUnderscoreAreLettersNotWildcards() {
        assertEquals(List.of("%100!%%", "%x!_y%", "%a!!b%"), SearchWords.of("100% x_y a!b").likePatterns());
    }

    @Test
    void aVeryLongQueryKeepsOnlyItsFirstWords() {
        assertEquals(SearchWords.MAX_WORDS, SearchWords.of("a b c d e f g h i j").words().size());
    }
}
