package net.smtpfeed.portal.kb;

import java.util.List;
import java.util.Locale;
import net.smtpfeed.domain.kb.ArticleText;
import net.smtpfeed.domain.kb.KbArticle;

/** One article on the search results page, in the reader's language, with the words searched for marked. */
public final class SearchHit {

    /** About two lines of the result page. */
    private static final int EXCERPT_WIDTH = 220;

    private final long id;
    private final String category;
    private final List<Highlighter.Segment> title;
    private final List<Highlighter.Segment> summary;
    private final List<Highlighter.Segment> excerpt;

    SearchHit(KbArticle article, Locale language, Highlighter highlighter, OutboundAddresses outboundAddresses) {
        ArticleText text = article.textIn(language);
        this.id = article.getId();
        this.category = CategoryLabel.of(article.getCategory(), language);
        this.title = highlighter.marked(text.getTitle());
        this.summary = highlighter.marked(text.getSummary());
        this.excerpt = highlighter.excerpt(outboundAddresses.intoText(text.getBodyText()), EXCERPT_WIDTH);
    }

    public long getId() {
        return id;
    }

    public String getCategory() {
        return category;
    }

    public List<Highlighter.Segment> getTitle() {
        return title;
    }

    public List<Highlighter.Segment> getSummary() {
        return summary;
    }

    /** Where the body mentions a word; empty when only the title or summary does. */
    public List<Highlighter.Segment> getExcerpt() {
        return excerpt;
    }
}
