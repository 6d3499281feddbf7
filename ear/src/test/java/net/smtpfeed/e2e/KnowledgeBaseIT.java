package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The public knowledge base as a visitor reads it: in English or German, by browsing and by search. */
@ExtendWith(ArquillianExtension.class)
class KnowledgeBaseIT {

    private static final String ARTICLE_67 = "/kb/article.xhtml?id=67";

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void aVisitorReadsArticle67InEnglishThenSwitchesToGermanForTheRestOfTheVisit() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open("/kb/index.xhtml").screenshot("kb-home");
            browser.click(By.linkText("How to request and manage an SMTP feed"));
            assertEquals("How to request and manage an SMTP feed", browser.text(By.id("article-title")));
            assertTrue(browser.text(By.id("article-body")).contains("Greylisting"));
            browser.screenshot("article-67-en");

            browser.click(By.id("language-de"));

            assertEquals(ARTICLE_67, browser.currentPath(), "the page's own address again, without ?lang=");
            assertEquals("So beantragen und verwalten Sie einen SMTP-Feed", browser.text(By.id("article-title")));
            assertTrue(browser.text(By.id("article-body")).contains("Virenprüfung"));
            assertEquals("Artikel-ID: 67", browser.text(By.id("article-id")));
            assertEquals("de", browser.find(By.tagName("html")).getAttribute("lang"));
            browser.screenshot("article-67-de");

            browser.click(By.id("nav-kb"));
            assertEquals("Wissensdatenbank", browser.text(By.id("category-name")), "German is kept for the session");
            browser.click(By.id("language-en"));
            assertEquals("Knowledge Base", browser.text(By.id("category-name")));
        }
    }

    @Test
    void article67LinksToTheFeedRequestFormAndNamesTheRelaysOutboundAddressesFromConfiguration() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(ARTICLE_67);
            WebElement form = browser.find(By.cssSelector("#article-body a[href='/customer/feed-request.xhtml']"));
            assertEquals("SMTP feed request form", form.getText());
            String tips = browser.text(By.id("article-body"));
            assertTrue(tips.contains("from our relay's addresses only: 127.0.0.1."), tips);
            assertFalse(tips.contains("[[outbound-addresses]]"), tips);
            browser.scrollTo(By.xpath("//*[@id='article-body']/h2[last()]")).screenshot("article-67-tips");
        }
    }

    @Test
    void theArticleShowsWhereItIsAndHowToShareIt() {
        try (Browser browser = new Browser()) {
            browser.open(ARTICLE_67);

            List<String> crumbs = browser.find(By.id("breadcrumb")).findElements(By.tagName("a")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(List.of("Home", "Knowledge Base", "Hosting"), crumbs);
            assertEquals("How to request and manage an SMTP feed", browser.text(By.cssSelector("#breadcrumb .current")));
            String shareUrl = browser.text(By.id("share-link"));
            assertTrue(shareUrl.endsWith(ARTICLE_67), shareUrl);
            assertEquals(shareUrl, browser.find(By.id("copy-link")).getAttribute("data-copy"));
            assertEquals("mailto:?subject=How%20to%20request%20and%20manage%20an%20SMTP%20feed&body="
                            + shareUrl.replace(":", "%3A").replace("/", "%2F").replace("?", "%3F").replace("=", "%3D"),
                    browser.find(By.id("mail-link")).getAttribute("href"));
            assertTrue(browser.find(By.id("login-box")).isDisplayed(), "a visitor is offered to log in");

            browser.click(By.linkText("Hosting"));
            assertEquals("Hosting", browser.text(By.id("category-name")));
        }
    }

    @Test
    void aVisitorFindsArticle67BySearchingInEitherLanguage() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open("/kb/index.xhtml");
            browser.find(By.id("kb-search-query")).sendKeys("smtp FEED request");
            browser.click(By.id("kb-search-submit"));

            browser.awaitPath("/kb/search.xhtml?q=");
            WebElement hit = browser.find(By.cssSelector(".search-hit[data-article-id='67']"));
            assertEquals("How to request and manage an SMTP feed", hit.findElement(By.className("hit-title")).getText());
            List<String> marked = hit.findElements(By.tagName("mark")).stream().map(WebElement::getText).toList();
            assertTrue(marked.containsAll(List.of("SMTP", "feed", "request")), marked.toString());
            browser.screenshot("search-results");

            browser.open("/kb/search.xhtml?q=Warteschlange&lang=de");
            assertEquals("So beantragen und verwalten Sie einen SMTP-Feed",
                    browser.text(By.cssSelector(".search-hit[data-article-id='67'] .hit-title")));
            browser.screenshot("search-results-de");
        }
    }

    @Test
    void anArticleNotYetTranslatedIsShownInEnglishWithANoteSayingSo() {
        try (Browser browser = new Browser()) {
            browser.open("/kb/article.xhtml?id=69&lang=de");

            assertEquals("Why the first message from a new sender arrives a few minutes late", browser.text(By.id("article-title")));
            assertTrue(browser.text(By.id("untranslated-note")).startsWith("Diesen Artikel gibt es noch nicht in Ihrer Sprache"));
            assertEquals("en", browser.find(By.cssSelector("article.article")).getAttribute("lang"));
            assertTrue(browser.text(By.id("breadcrumb")).contains("E-Mail"), "the category is translated");
        }
    }

    @Test
    void theLanguageSwitchWorksOnTheNotFoundPageToo() {
        try (Browser browser = new Browser()) {
            browser.open("/kb/article.xhtml?id=999999");
            assertEquals("Page not found", browser.text(By.tagName("h1")));

            browser.click(By.id("language-de"));

            assertEquals("/kb/article.xhtml?id=999999", browser.currentPath());
            assertEquals("Seite nicht gefunden", browser.text(By.tagName("h1")));
        }
    }
}
