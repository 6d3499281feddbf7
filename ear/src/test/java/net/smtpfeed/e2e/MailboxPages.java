package net.smtpfeed.e2e;

import java.time.Duration;
import java.time.Instant;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;

/** The steps staff take on a domain's mailbox page (/staff/mailboxes.xhtml), as a person takes them. */
final class MailboxPages {

    private MailboxPages() {
    }

    /** A cell of the mailbox's row, found by its address; columns and buttons are named by their style class. */
    static By cell(String address, String column) {
        return By.xpath(row(address) + "/td[" + hasClass(column) + "]");
    }

    static By button(String address, String action) {
        return By.xpath(row(address) + "//button[" + hasClass(action) + "]");
    }

    static void open(Browser staff, String domain) {
        staff.open("/staff/mailboxes.xhtml?domain=" + domain);
    }

    /** Switches the feed domain to mailboxes on its page, confirming; returns what the page then says. */
    static String switchToMailboxes(Browser staff, String domain) {
        open(staff, domain);
        staff.click(By.id("switch:switch-to-mailboxes-button"));
        confirm(staff);
        return staff.awaitText(By.id("feedback"), "is on temporary mailboxes now");
    }

    /** Creates a mailbox on the open page of a domain on mailboxes; returns its password, shown once. */
    static String createMailbox(Browser staff, String localPart, boolean catchAll) {
        staff.find(By.id("create:local-part")).sendKeys(localPart);
        if (catchAll) {
            staff.click(By.cssSelector("#create\\:catch-all .ui-chkbox-box"));
        }
        post(staff, By.id("create:create-button"));
        staff.awaitText(By.id("feedback"), "is created");
        return staff.text(By.id("shown-secret"));
    }

    /** Waits until the page's confirmation dialog has faded in with the question the last click asked; returns it. */
    static String question(Browser browser) {
        browser.awaitScript("return getComputedStyle(document.getElementById('confirm')).opacity === '1';");
        return browser.text(By.id("confirm"));
    }

    /** Confirms the question the last click asked in the page's confirmation dialog, and waits for the page it posts to. */
    static void confirm(Browser browser) {
        post(browser, By.id("confirm-yes"));
    }

    /**
     * Clicks what posts the page's form and waits for the page the post leads to, so that nothing is read off the page
     * that is going (which may say the same as the one that comes, or vanish while it is read).
     */
    static void post(Browser browser, By button) {
        browser.script("document.documentElement.dataset.left = 'yes';");
        browser.click(button);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!newPage(browser)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no new page after the post, still at " + browser.currentPath());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the page", e);
            }
        }
    }

    private static boolean newPage(Browser browser) {
        try {
            return Boolean.TRUE.equals(browser.script(
                    "return document.readyState === 'complete' && !document.documentElement.dataset.left;"));
        } catch (WebDriverException leaving) {
            return false;
        }
    }

    private static String row(String address) {
        return "//div[@id='mailboxes-form:mailboxes']//tbody/tr[td[" + hasClass("address")
                + " and starts-with(normalize-space(), '" + address + "')]]";
    }

    private static String hasClass(String name) {
        return "contains(concat(' ', @class, ' '), ' " + name + " ')";
    }
}
