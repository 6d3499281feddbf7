package net.smtpfeed.portal.webmail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What of a mail's HTML the webmail shows: structure, links and the message's own images; nothing that runs or tracks. */
class MailHtmlPolicyTest {

    private static MailHtmlPolicy.Sanitized sanitize(String html) {
        return MailHtmlPolicy.sanitize(html, cid -> "/part?cid=" + cid, false);
    }

    @Test
    void scriptsStylesAndEventHandlersGo() {
        assertEquals("<p>Hello</p><p>World</p>", sanitize("<script>alert(1)</script><style>p{color:red}</style>"
                + "<p onclick=\"steal()\" style=\"position:fixed\" class=\"x\" id=\"content\">Hello</p>"
                + "<iframe src=\"https://evil.example\"></iframe><p>World</p>").html());
    }

    @Test
    void formsGoSoThatAMailCannotAskForAPasswordInThePortal() {
        assertEquals("Password: ", sanitize("<form action=\"https://evil.example\">Password: <input name=\"p\"></form>")
                .html());
    }

    @Test
    void remoteImagesAreHeldBackUntilTheReaderAsks() {
        String html = "<p>Logo</p><img src=\"https://tracker.example/open?id=42\" alt=\"logo\">";

        MailHtmlPolicy.Sanitized held = sanitize(html);
        assertEquals("<p>Logo</p>", held.html());
        assertTrue(held.remoteImagesHeld());

        MailHtmlPolicy.Sanitized shown = MailHtmlPolicy.sanitize(html, cid -> "/part?cid=" + cid, true);
        assertEquals("<p>Logo</p><img src=\"https://tracker.example/open?id&#61;42\" alt=\"logo\" />", shown.html());
        assertFalse(shown.remoteImagesHeld());
    }

    @Test
    void inlineImagesAreServedFromTheMessageItself() {
        MailHtmlPolicy.Sanitized sanitized = sanitize("<img src=\"cid:logo@example\" width=\"120\">");
        assertEquals("<img src=\"/part?cid&#61;logo&#64;example\" width=\"120\" />", sanitized.html());
        assertFalse(sanitized.remoteImagesHeld());
    }

    @Test
    void imagesFromAnywhereElseGoWithoutBeingOffered() {
        MailHtmlPolicy.Sanitized sanitized = sanitize("<img src=\"javascript:alert(1)\"><img src=\"data:image/png;base64,AAAA\">"
                + "<img src=\"/customer/queue.xhtml\">");
        assertEquals("", sanitized.html());
        assertFalse(sanitized.remoteImagesHeld());
    }

    @Test
    void linksStayButNeverTellTheirTargetWhereTheyCameFrom() {
        assertEquals("<a href=\"https://example.net/offer\" rel=\"noopener noreferrer nofollow\">offer</a>",
                sanitize("<a href=\"https://example.net/offer\" target=\"_top\">offer</a>").html());
        assertEquals("click", sanitize("<a href=\"javascript:alert(1)\">click</a>").html());
    }

    @Test
    void tablesOfANewsletterKeepTheirShape() {
        assertEquals("<table width=\"600\"><tbody><tr><td colspan=\"2\">Top</td></tr></tbody></table>",
                sanitize("<table width=\"600\" bgcolor=\"#fff\"><tr><td colspan=\"2\" style=\"x\">Top</td></tr></table>")
                        .html());
    }

    @Test
    void theMailsHeadingsStayBelowThePagesTitle() {
        assertEquals("<h2>News</h2>", sanitize("<h1>News</h1>").html());
    }
}
