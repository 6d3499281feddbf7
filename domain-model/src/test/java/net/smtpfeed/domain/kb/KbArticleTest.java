package net.smtpfeed.domain.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KbArticleTest {

    private static final Instant CREATED = Instant.parse("2024-03-11T09:30:00Z");
    private static final Locale FRENCH = Locale.FRENCH;

    private final KbCategory hosting = new KbCategory(new KbCategory(null, "Knowledge Base", 0), "Hosting", 1);
    private final ArticleText english = new ArticleText("Request a feed", "How to ask for one.", "<p>Log in.</p>");
    private final ArticleText german = new ArticleText("Einen Feed beantragen", "So geht es.", "<p>Melden Sie sich an.</p>");

    @Test
    void aReaderGetsTheTranslationIntoTheirLanguage() {
        KbArticle article = translatedIntoGerman();
        assertEquals("Einen Feed beantragen", article.textIn(Locale.GERMAN).getTitle());
        assertEquals("Einen Feed beantragen", article.textIn(Locale.GERMANY).getTitle());
    }

    @Test
    void aReaderOfALanguageWithoutTranslationGetsTheEnglishText() {
        KbArticle article = translatedIntoGerman();
        assertEquals("Request a feed", article.textIn(FRENCH).getTitle());
        assertFalse(article.isWrittenIn(FRENCH));
        assertTrue(article.isWrittenIn(Locale.GERMAN));
    }

    @Test
    void anEditorOfAnUntranslatedLanguageFindsNoTextToChange() {
        assertEquals(Optional.empty(), translatedIntoGerman().textWrittenIn(FRENCH));
    }

    @Test
    void theLanguagesAreEnglishFirstThenTheTranslations() {
        KbArticle article = translatedIntoGerman();
        article.write(FRENCH, new ArticleText("Demander un flux", "Comment.", "<p>Connectez-vous.</p>"), CREATED);
        assertEquals(List.of(Locale.ENGLISH, Locale.GERMAN, FRENCH), article.languages());
    }

    @Test
    void writingTheEnglishTextChangesWhatUntranslatedLanguagesShow() {
        KbArticle article = translatedIntoGerman();
        article.write(Locale.ENGLISH, new ArticleText("Request an SMTP feed", "How to ask for one.", "<p>Log in.</p>"),
                CREATED.plusSeconds(60));
        assertEquals("Request an SMTP feed", article.textIn(FRENCH).getTitle());
        assertEquals("Einen Feed beantragen", article.textIn(Locale.GERMAN).getTitle());
    }

    @Test
    void aChangeMovesTheModificationTimeAndSavingTheSameTextDoesNot() {
        KbArticle article = new KbArticle(hosting, english, CREATED);
        Instant later = CREATED.plusSeconds(3600);

        assertFalse(article.write(Locale.ENGLISH, new ArticleText("Request a feed", "How to ask for one.", "<p>Log in.</p>"), later));
        assertEquals(CREATED, article.getModifiedAt());
        assertTrue(article.write(Locale.GERMAN, german, later));
        assertEquals(later, article.getModifiedAt());
    }

    private KbArticle translatedIntoGerman() {
        KbArticle article = new KbArticle(hosting, english, CREATED);
        article.write(Locale.GERMAN, german, CREATED);
        return article;
    }
}
