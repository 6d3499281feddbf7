package net.smtpfeed.portal.kb.editor;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * What an article's HTML may hold, as an allow-list: text structure and links, nothing that runs. Everything else goes,
 * so that no script reaches a reader: script and style elements with their content, every on* attribute, style and
 * class attributes, and links to anything but http, https, mailto and this site.
 */
public final class ArticleHtmlPolicy {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
                    "blockquote", "pre", "code", "ol", "ul", "li", "a", "img")
            // The article's title is the page's one h1.
            .allowElements((name, attributes) -> "h2", "h1")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .allowAttributes("src", "alt").onElements("img")
            // The editor (Quill 2) writes a bullet list as <ol> whose items say data-list="bullet".
            .allowAttributes("data-list").matching(Pattern.compile("bullet|ordered")).onElements("li")
            .toFactory();

    private ArticleHtmlPolicy() {
    }

    public static String sanitize(String html) {
        return POLICY.sanitize(html);
    }
}
