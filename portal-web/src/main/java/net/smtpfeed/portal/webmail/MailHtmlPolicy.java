package net.smtpfeed.portal.webmail;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.owasp.html.AttributePolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * What of a mail's HTML the webmail shows, as an allow-list stricter than an article's: text structure, tables, links
 * and images, nothing that runs and nothing that styles or positions (no style, class or id, no style elements), so that
 * a message can neither script the portal nor dress up as part of it. Images come from the message itself (cid:,
 * rewritten to the portal's address for that part) or, only once the reader asked for them, from the web: a remote
 * image tells its sender that and when the message was read. Anything else in a src goes, and an image without a
 * source with it.
 */
public final class MailHtmlPolicy {

    /** The HTML to show, and whether remote images were left out that the reader may ask for. */
    public record Sanitized(String html, boolean remoteImagesHeld) {
    }

    private static final Pattern DIMENSION = Pattern.compile("[0-9]{1,4}%?");

    private MailHtmlPolicy() {
    }

    /**
     * @param inlineImageUrl the portal's address of the message's part of that Content-ID (without the angle brackets)
     * @param loadRemoteImages whether the reader asked for the images from the web
     */
    public static Sanitized sanitize(String html, Function<String, String> inlineImageUrl, boolean loadRemoteImages) {
        AtomicBoolean held = new AtomicBoolean();
        AttributePolicy imageSource = (element, attribute, value) -> {
            String source = value.strip();
            String lower = source.toLowerCase(Locale.ROOT);
            if (lower.startsWith("cid:")) {
                return inlineImageUrl.apply(source.substring(4));
            }
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                if (loadRemoteImages) {
                    return source;
                }
                held.set(true);
            }
            return null;
        };
        PolicyFactory policy = new HtmlPolicyBuilder()
                .allowElements("p", "div", "span", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i",
                        "u", "s", "strike", "sub", "sup", "small", "blockquote", "pre", "code", "ol", "ul", "li", "dl",
                        "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "a")
                // The page's title is its one h1; a centre is a block like any other.
                .allowElements((name, attributes) -> "h2", "h1")
                .allowElements((name, attributes) -> "div", "center")
                .allowElements((name, attributes) -> hasSource(attributes) ? name : null, "img")
                // cid: passes the protocol check (made before the policies below) only to be rewritten for images.
                .allowUrlProtocols("http", "https", "mailto", "cid")
                .allowAttributes("href").matching(MailHtmlPolicy::notCid).onElements("a")
                .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
                .allowAttributes("src").matching(imageSource).onElements("img")
                .allowAttributes("alt").onElements("img")
                .allowAttributes("width", "height").matching(DIMENSION).onElements("img", "td", "th", "table")
                .allowAttributes("colspan", "rowspan").matching(Pattern.compile("[0-9]{1,3}")).onElements("td", "th")
                .toFactory();
        String sanitized = policy.sanitize(html);
        return new Sanitized(sanitized, held.get());
    }

    private static String notCid(String element, String attribute, String value) {
        return value.strip().toLowerCase(Locale.ROOT).startsWith("cid:") ? null : value;
    }

    /** Whether the attributes (name, value, name, value...) that survived hold a src. */
    private static boolean hasSource(List<String> attributes) {
        for (int i = 0; i < attributes.size(); i += 2) {
            if ("src".equals(attributes.get(i))) {
                return true;
            }
        }
        return false;
    }
}
