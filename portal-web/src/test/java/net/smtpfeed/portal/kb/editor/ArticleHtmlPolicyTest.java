package net.smtpfeed.portal.kb.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What survives of an article's HTML when staff save it: structure and links stay, nothing that runs does. */
class ArticleHtmlPolicyTest {

    @Test
    void scriptElementsGoWithTheirContent() {
        assertEquals("<p>Before</p><p>After</p>",
                ArticleHtmlPolicy.sanitize("<p>Before</p><script>alert('x')</script><p>After</p>"));
    }

    @Test
    void eventHandlerAttributesGoAndTheElementStays() {
        assertEquals("<img src=\"logo.png\" alt=\"Logo\" />",
                ArticleHtmlPolicy.sanitize("<img src=\"logo.png\" alt=\"Logo\" onerror=\"alert(1)\" onload=\"alert(2)\">"));
        assertEquals("<p>Hello</p>", ArticleHtmlPolicy.sanitize("<p onclick=\"steal()\" onmouseover=\"x()\">Hello</p>"));
    }

    @Test
    void javascriptUrlsGoAndTheLinkTextStays() {
        assertEquals("<p>Click me</p>", ArticleHtmlPolicy.sanitize("<p><a href=\"javascript:alert(1)\">Click me</a></p>"));
        assertEquals("", ArticleHtmlPolicy.sanitize("<img src=\"javascript:alert(1)\">"));
    }

    @Test
    void linksToTheWebToMailAndToThisSiteStay() {
        String links = "<p><a href=\"https://example.net/doc\">doc</a> <a href=\"mailto:support&#64;example.net\">mail</a> "
                + "<a href=\"/customer/feed-request.xhtml\">form</a></p>";
        assertEquals(links, ArticleHtmlPolicy.sanitize(links));
    }

    @Test
    void stylesFramesAndFormsGo() {
        assertEquals("<p>Text</p>", ArticleHtmlPolicy.sanitize(
                "<style>p{display:none}</style><p style=\"position:fixed\">Text</p><iframe src=\"https://evil.example\"></iframe>"
                        + "<form action=\"https://evil.example\"><input name=\"password\"></form>"));
    }

    @Test
    void theEditorsStructureStays() {
        String quill = "<h2>Tips</h2><p><strong>Bold</strong>, <em>italic</em>, <u>underlined</u> and <code>code</code></p>"
                + "<ol><li data-list=\"bullet\">one</li><li data-list=\"ordered\">two</li></ol><blockquote>quoted</blockquote>";
        assertEquals(quill, ArticleHtmlPolicy.sanitize(quill));
    }

    @Test
    void aSecondTopHeadingBecomesASectionHeading() {
        assertEquals("<h2>Section</h2>", ArticleHtmlPolicy.sanitize("<h1>Section</h1>"));
    }

    @Test
    void theOutboundAddressPlaceholderStaysAsTyped() {
        assertEquals("<p>Allow [[outbound-addresses]] only.</p>",
                ArticleHtmlPolicy.sanitize("<p>Allow [[outbound-addresses]] only.</p>"));
    }
}
