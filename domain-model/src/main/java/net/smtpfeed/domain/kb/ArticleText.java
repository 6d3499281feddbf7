package net.smtpfeed.domain.kb;

import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * An article's words in one language: title, summary and body. The body is HTML that has passed the editor's
 * allow-list; its text without markup is kept beside it for search.
 */
@Embeddable
public class ArticleText {

    /** The lengths of the columns (V1, V7). */
    public static final int MAX_TITLE = 300;
    public static final int MAX_SUMMARY = 1000;

    private String title;

    private String summary;

    private String bodyHtml;

    private String bodyText;

    protected ArticleText() {
    }

    public ArticleText(String title, String summary, String bodyHtml) {
        this.title = required("title", title, MAX_TITLE);
        this.summary = required("summary", summary, MAX_SUMMARY);
        this.bodyHtml = Objects.requireNonNull(bodyHtml, "bodyHtml");
        this.bodyText = HtmlText.of(bodyHtml);
        if (bodyText.isEmpty()) {
            throw new IllegalArgumentException("an article needs a text, not only markup");
        }
    }

    /** Whether a body has words, not only markup (an empty paragraph, an image): an article without words is refused. */
    public static boolean hasWords(String bodyHtml) {
        return !HtmlText.of(bodyHtml).isEmpty();
    }

    private static String required(String field, String value, int maxLength) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() || stripped.length() > maxLength) {
            throw new IllegalArgumentException("the " + field + " must have 1 to " + maxLength + " characters");
        }
        return stripped;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public String getBodyText() {
        return bodyText;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArticleText that && title.equals(that.title) && summary.equals(that.summary)
                && bodyHtml.equals(that.bodyHtml);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, summary, bodyHtml);
    }
}
