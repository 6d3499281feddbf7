package net.smtpfeed.domain.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ArticleTextTest {

    @Test
    void searchLooksInTheBodysWordsWithoutMarkupOrEntities() {
        ArticleText text = new ArticleText("Title", "Summary",
                "<h2>Tips</h2><p>Allow <code>192.0.2.10</code> &amp; nothing&nbsp;else &#8211; really.</p>");
        assertEquals("Tips Allow 192.0.2.10 & nothing else \u2013 really.", text.getBodyText());
    }

    @Test
    void titleAndSummaryAreStrippedOfSurroundingBlanks() {
        ArticleText text = new ArticleText("  Title ", "\tSummary\n", "<p>Body</p>");
        assertEquals("Title", text.getTitle());
        assertEquals("Summary", text.getSummary());
    }

    @Test
    void anArticleNeedsATitleASummaryAndABodyWithText() {
        assertThrows(IllegalArgumentException.class, () -> new ArticleText(" ", "Summary", "<p>Body</p>"));
        assertThrows(IllegalArgumentException.class, () -> new ArticleText("Title", "", "<p>Body</p>"));
        assertThrows(IllegalArgumentException.class, () -> new ArticleText("Title", "Summary", "<p><br></p>"));
    }

    @Test
    void aTitleLongerThanItsColumnIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ArticleText("x".repeat(ArticleText.MAX_TITLE + 1), "Summary", "<p>Body</p>"));
    }
}
