package net.smtpfeed.e2e;

import org.openqa.selenium.By;

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
        staff.click(By.id("confirm-yes"));
        return staff.awaitText(By.id("feedback"), "is on temporary mailboxes now");
    }

    /** Creates a mailbox on the open page of a domain on mailboxes; returns its password, shown once. */
    static String createMailbox(Browser staff, String localPart, boolean catchAll) {
        staff.awaitScript("return document.readyState === 'complete';");
        staff.find(By.id("create:local-part")).sendKeys(localPart);
        if (catchAll) {
            staff.click(By.cssSelector("#create\\:catch-all .ui-chkbox-box"));
        }
        staff.click(By.id("create:create-button"));
        staff.awaitText(By.id("feedback"), "is created");
        return staff.text(By.id("shown-secret"));
    }

    /** Waits until the page's confirmation dialog has faded in with the question the last click asked; returns it. */
    static String question(Browser browser) {
        browser.awaitScript("return getComputedStyle(document.getElementById('confirm')).opacity === '1';");
        return browser.text(By.id("confirm"));
    }

    /** Confirms the question the last click asked in the page's confirmation dialog. */
    static void confirm(Browser browser) {
        browser.click(By.id("confirm-yes"));
    }

    private static String row(String address) {
        return "//div[@id='mailboxes-form:mailboxes']//tbody/tr[td[" + hasClass("address")
                + " and starts-with(normalize-space(), '" + address + "')]]";
    }

    private static String hasClass(String name) {
        return "contains(concat(' ', @class, ' '), ' " + name + " ')";
    }
}
