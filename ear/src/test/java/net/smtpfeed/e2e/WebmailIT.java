package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import net.smtpfeed.relay.testing.FreePorts;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** A customer reads the mail of their temporary mailboxes in webmail, and chooses their mailboxes' passwords. */
@ExtendWith(ArquillianExtension.class)
class WebmailIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A 1x1 PNG, the logo an HTML message shows from its own parts. */
    private static final String PIXEL_PNG =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    private static final String REPORT = """
            From: Quarterly Sender <juergen@sender.example>
            To: info@%s
            Subject: Quarterly report
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: multipart/related; boundary="inner"

            --inner
            Content-Type: text/html; charset=UTF-8

            <html><body><h1>Quarterly report</h1><p>Numbers are up.</p>
            <img src="cid:logo@sender.example" alt="logo"><img src="https://tracker.example/open.gif?id=1" alt="tracker">
            <script>document.title = 'scripted'</script></body></html>
            --inner
            Content-Type: image/png
            Content-ID: <logo@sender.example>
            Content-Transfer-Encoding: base64

            %s
            --inner--
            --outer
            Content-Type: application/pdf; name="report.pdf"
            Content-Disposition: attachment; filename="report.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            --outer--
            """;

    @Deployment(testable = false)
    static EnterpriseArchive product() {
        return Deployments.productEar();
    }

    @Test
    void anHtmlMessageIsReadSanitisedWithItsOwnImagesAndItsAttachmentsAndIsMarkedAndDeleted() throws Exception {
        String domain = mailboxDomain();
        storeMail("info@" + domain, REPORT.formatted(domain, PIXEL_PNG));
        try (Browser customer = new Browser()) {
            customer.logIn("customer", "customer").click(By.id("nav-mailboxes"));
            customer.screenshot("customer-mailboxes");
            customer.click(By.linkText("info@" + domain));
            customer.awaitPath("/customer/webmail.xhtml?mailbox=");
            assertEquals("1 message(s), 1 unread", customer.text(By.id("mailbox-counts")));
            String row = customer.text(By.cssSelector("#webmail\\:messages tbody tr.unread"));
            assertTrue(row.contains("juergen@sender.example") && row.contains("Quarterly report"), row);
            customer.screenshot("customer-webmail");

            customer.click(By.linkText("Quarterly report"));

            assertEquals("Quarterly report", customer.text(By.id("mail-subject")));
            assertEquals("Quarterly Sender <juergen@sender.example>", customer.text(By.id("mail-from")));
            assertTrue(customer.text(By.id("mail-body")).contains("Numbers are up."));
            assertNotEquals("scripted", customer.script("return document.title;"), "the mail's script never runs");
            assertEquals(List.of("logo"), customer.script(
                    "return Array.from(document.querySelectorAll('#mail-body img')).map(i => i.alt);"));
            assertEquals(Boolean.TRUE, customer.awaitScript(
                    "const i = document.querySelector('#mail-body img'); return i.complete && i.naturalWidth === 1;"));
            assertTrue(customer.text(By.id("images-held")).startsWith("Images from the web are not shown"));
            customer.screenshot("customer-webmail-message");

            List<?> pdf = download(customer, customer.find(By.linkText("report.pdf")).getAttribute("href"));
            assertEquals(List.of(200L, "attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf", "%PDF-1.4\n"), pdf);
            List<?> eml = download(customer, customer.find(By.id("download-eml")).getAttribute("href"));
            assertEquals("attachment; filename=\"Quarterly report.eml\"; filename*=UTF-8''Quarterly%20report.eml", eml.get(1));
            assertTrue(((String) eml.get(2)).contains("Subject: Quarterly report\r\n"), (String) eml.get(2));

            customer.click(By.id("show-images"));
            customer.awaitScript("return document.querySelectorAll('#mail-body img').length === 2;");
            assertEquals(List.of("logo", "tracker"), customer.script(
                    "return Array.from(document.querySelectorAll('#mail-body img')).map(i => i.alt);"));

            MailboxPages.post(customer, By.id("actions:mark-unread"));
            assertEquals("\"Quarterly report\" is marked as unread.", customer.awaitText(By.id("feedback"), "unread"));
            assertEquals("1 message(s), 1 unread", customer.text(By.id("mailbox-counts")));

            customer.click(By.linkText("Quarterly report"));
            customer.click(By.id("actions:delete"));
            MailboxPages.confirm(customer);

            assertEquals("\"Quarterly report\" is deleted.", customer.awaitText(By.id("feedback"), "deleted"));
            assertEquals("No mail in this mailbox.", customer.text(By.cssSelector("#webmail\\:messages .ui-datatable-empty-message")));
        }
    }

    @Test
    void theListPagesThroughAFullMailboxNewestFirst() throws Exception {
        String domain = mailboxDomain();
        for (int i = 1; i <= 27; i++) {
            storeMail("info@" + domain, "Subject: note " + i + "\r\n\r\nbody " + i + "\r\n");
        }
        try (Browser customer = new Browser()) {
            customer.logIn("customer", "customer").open("/customer/webmail.xhtml?mailbox="
                    + TestSystem.mailboxId("info@" + domain));
            assertTrue(customer.text(By.cssSelector("#webmail\\:messages .ui-paginator-current")).startsWith("1-25 of 27"));
            assertEquals("note 27", customer.text(By.cssSelector("#webmail\\:messages tbody tr:first-child td.subject")));

            customer.click(By.cssSelector("#webmail\\:messages .ui-paginator-next"));

            customer.awaitText(By.cssSelector("#webmail\\:messages .ui-paginator-current"), "26-27 of 27");
            assertEquals("note 2", customer.text(By.cssSelector("#webmail\\:messages tbody tr:first-child td.subject")));
            assertEquals("body 1", customer.click(By.linkText("note 1")).text(By.id("mail-body")).strip());
        }
    }

    @Test
    void anotherCustomersMailboxAndItsMessagesAreNotFound() throws Exception {
        long theirs = TestSystem.mailboxId("info@mailbox.example");
        String subject = "not for other " + System.nanoTime();
        storeMail("info@mailbox.example", "Subject: " + subject + "\r\n\r\nprivate\r\n");
        String message;
        try (Browser customer = new Browser()) {
            customer.logIn("customer", "customer").open("/customer/webmail.xhtml?mailbox=" + theirs);
            message = customer.find(By.linkText(subject)).getAttribute("href").replaceFirst(".*[?&]id=", "");
        }
        try (Browser other = new Browser()) {
            other.logIn("other", "other").open("/customer/webmail.xhtml?mailbox=" + theirs);
            assertEquals("Page not found", other.text(By.tagName("h1")));
            other.open("/customer/mailbox-password.xhtml?mailbox=" + theirs);
            assertEquals("Page not found", other.text(By.tagName("h1")));
            other.open("/customer/webmail-message.xhtml?id=" + message);
            assertEquals("Page not found", other.text(By.tagName("h1")));
            assertEquals(404L, download(other, TestSystem.portalUrl("/customer/webmail/download?message=" + message)).get(0));
            other.open("/customer/mailboxes.xhtml");
            assertTrue(other.pageText().contains("None of your domains is on temporary mailboxes."));
        }
    }

    @Test
    void theCustomerChoosesANewPasswordForTheirMailboxTypedTwice() throws Exception {
        String domain = mailboxDomain();
        try (Browser customer = new Browser()) {
            customer.logIn("customer", "customer").click(By.id("nav-mailboxes"));
            customer.click(By.xpath("//tr[td[contains(@class, 'address') and normalize-space() = 'info@" + domain
                    + "']]//a[contains(@class, 'change-password')]"));
            customer.find(By.id("password-form:password")).sendKeys("short");
            customer.find(By.id("password-form:repeated")).sendKeys("short");
            MailboxPages.post(customer, By.id("password-form:change"));
            assertEquals("The password needs at least 10 characters.",
                    customer.awaitText(By.id("password-form:password-message"), "at least"));

            customer.find(By.id("password-form:password")).sendKeys("correct horse battery");
            customer.find(By.id("password-form:repeated")).sendKeys("correct horse battery!");
            MailboxPages.post(customer, By.id("password-form:change"));
            assertEquals("The two passwords differ.", customer.awaitText(By.id("password-form:repeated-message"), "differ"));
            customer.screenshot("customer-mailbox-password");

            customer.find(By.id("password-form:password")).sendKeys("correct horse battery");
            customer.find(By.id("password-form:repeated")).sendKeys("correct horse battery");
            MailboxPages.post(customer, By.id("password-form:change"));

            assertEquals("The password of info@" + domain + " is changed.", customer.awaitText(By.id("feedback"), "changed"));
            assertEquals(List.of("staff mailbox null created", "customer password null changed"),
                    TestSystem.auditOf("mailbox info@" + domain));
        }
    }

    /** A new domain of the customer on mailboxes, switched and given its mailbox info@ by staff on their page. */
    private static String mailboxDomain() throws Exception {
        String domain = TestSystem.hostedDomain("customer", FreePorts.any());
        try (Browser staff = new Browser()) {
            staff.logIn("staff", "staff");
            MailboxPages.switchToMailboxes(staff, domain);
            MailboxPages.createMailbox(staff, "info", false);
        }
        return domain;
    }

    /** Sends a message through the relay and waits until it is in its mailbox. */
    private static void storeMail(String recipient, String message) throws Exception {
        String reply = TestSystem.sendMail(recipient, message.replace("\r\n", "\n").replace("\n", "\r\n"));
        assertTrue(reply.startsWith("250 "), reply);
        assertEquals("STORED", TestSystem.awaitDeliveryState(TestSystem.queueId(reply), "STORED", TIMEOUT));
    }

    /** Fetches an address with the browser's session, as a click on a download link would: status, disposition, text. */
    private static List<?> download(Browser browser, String url) {
        return (List<?>) browser.script("""
                const request = new XMLHttpRequest();
                request.open('GET', arguments[0], false);
                request.send();
                return [request.status, request.getResponseHeader('Content-Disposition'), request.responseText];""", url);
    }
}
