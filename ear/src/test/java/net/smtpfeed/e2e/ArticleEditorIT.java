package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Staff write and translate articles in the browser; what they save is what a reader gets, less anything that runs. */
@ExtendWith(ArquillianExtension.class)
class ArticleEditorIT {

    /** What a page sends when someone writes the editor's field past the editor: script, and an image that runs some. */
    private static final String HOSTILE_BODY = "<p>Allow only our relay.</p><script>window.hostile = 'script';</script>"
            + "<p><img src=\"/no-such-image.png\" onerror=\"window.hostile = 'onerror'\"></p>"
            + "<p><a href=\"javascript:window.hostile = 'link'\">a link</a></p>";

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void noScriptStaffPutIntoAnArticleReachesAReader() throws Exception {
        String title = "Firewall rules " + System.currentTimeMillis();
        String articlePath;
        try (Browser staff = new Browser()) {
            staff.logIn("staff", "staff").open("/staff/articles.xhtml").screenshot("staff-articles");
            staff.open("/staff/article-edit.xhtml?id=67&language=de").scrollTo(By.id("editor-languages")).screenshot("article-editor");
            staff.open("/staff/articles.xhtml").click(By.id("new-article"));
            staff.find(By.id("editor:title")).sendKeys(title);
            staff.find(By.id("editor:summary")).sendKeys("Which addresses your server should accept mail from.");
            staff.find(By.cssSelector("#editor\\:body .ql-editor")).sendKeys("Allow only our relay.");
            staff.screenshot("article-editor-new");
            staff.click(By.id("editor:save"));
            assertEquals("The article was created. It is in English; choose another language above to translate it.",
                    staff.awaitText(By.id("feedback"), "The article was created"));

            writeBodyPastTheEditor(staff, HOSTILE_BODY);
            staff.click(By.id("editor:save"));
            staff.awaitText(By.id("feedback"), "Your changes were saved");
            articlePath = staff.find(By.id("view-article")).getAttribute("href").replaceFirst("^https?://[^/]+", "");
        }

        try (Browser reader = new Browser()) {
            reader.open(articlePath);
            assertEquals(title, reader.text(By.id("article-title")));
            WebElement body = reader.find(By.id("article-body"));
            assertTrue(body.getText().contains("Allow only our relay."), body.getText());
            assertEquals(0L, reader.script("return document.querySelectorAll('#article-body script').length;"));
            assertEquals(1L, reader.script("return document.querySelectorAll('#article-body img').length;"));
            assertEquals(0L, reader.script("return Array.from(document.querySelectorAll('#article-body *'))"
                    + ".filter(e => Array.from(e.attributes).some(a => a.name.startsWith('on'))).length;"));
            assertEquals(0L, reader.script("return document.querySelectorAll('#article-body a[href^=\"javascript\"]').length;"));
            assertNull(reader.script("return window.hostile === undefined ? null : window.hostile;"));
        }
    }

    @Test
    void staffTranslateAnArticleAndAGermanReaderGetsTheTranslation() throws Exception {
        try (Browser staff = new Browser()) {
            staff.logIn("staff", "staff").open("/staff/article-edit.xhtml");
            staff.find(By.id("editor:title")).sendKeys("Moving your mail server " + System.currentTimeMillis());
            staff.find(By.id("editor:summary")).sendKeys("Tell us the new address a day ahead.");
            staff.find(By.cssSelector("#editor\\:body .ql-editor")).sendKeys("Tell us the new IP address.");
            staff.click(By.id("editor:save"));
            staff.awaitText(By.id("feedback"), "The article was created");

            staff.click(By.cssSelector("#editor-languages a.missing"));
            assertTrue(staff.text(By.id("untranslated-start")).startsWith("This article has no German text yet."));
            staff.find(By.id("editor:title")).clear();
            staff.find(By.id("editor:title")).sendKeys("Umzug Ihres Mailservers");
            staff.find(By.id("editor:summary")).clear();
            staff.find(By.id("editor:summary")).sendKeys("Nennen Sie uns die neue Adresse einen Tag vorher.");
            writeBodyPastTheEditor(staff, "<p>Nennen Sie uns die neue IP-Adresse.</p>");
            staff.screenshot("article-editor-de");
            staff.click(By.id("editor:save"));
            staff.awaitText(By.id("feedback"), "Your changes were saved");
            String articlePath = staff.find(By.id("view-article")).getAttribute("href").replaceFirst("^https?://[^/]+", "");

            try (Browser reader = new Browser()) {
                reader.open(articlePath + "&lang=de");
                assertEquals("Umzug Ihres Mailservers", reader.text(By.id("article-title")));
                assertEquals("Nennen Sie uns die neue IP-Adresse.", reader.text(By.id("article-body")));
            }
        }
    }

    @Test
    void aTextThatIsOnlyScriptIsRefusedAndTheFormShownAgainRunsNoneOfIt() throws Exception {
        try (Browser staff = new Browser()) {
            staff.logIn("staff", "staff").open("/staff/article-edit.xhtml");
            staff.find(By.id("editor:title")).sendKeys("Nothing but script");
            staff.find(By.id("editor:summary")).sendKeys("A summary.");
            writeBodyPastTheEditor(staff, "<script>window.hostile = 'script';</script><p><br></p>"
                    + "<img src=\"/no-such-image.png\" onerror=\"window.hostile = 'onerror'\">");
            staff.click(By.id("editor:save"));

            assertEquals("Please write the article's text.", staff.awaitText(By.id("feedback"), "Please write"));
            assertTrue(staff.text(By.id("editor-heading")).contains("New article"), "nothing was saved");
            Thread.sleep(500);
            assertNull(staff.script("return window.hostile === undefined ? null : window.hostile;"));
            assertEquals(0L, staff.script("return document.querySelectorAll('#editor\\\\:body [onerror]').length;"));
        }
    }

    @Test
    void aCustomerCannotOpenTheEditor() {
        try (Browser browser = new Browser()) {
            browser.logIn("customer", "customer").open("/staff/article-edit.xhtml?id=67");
            assertTrue(browser.pageText().contains("No access"), browser.pageText());
        }
    }

    /** Sets what the editor's form sends as the body, as a hand-made request could, bypassing the editor's own DOM. */
    private static void writeBodyPastTheEditor(Browser browser, String html) {
        browser.script("document.getElementById('editor:body_input').value = arguments[0];", html);
    }
}
