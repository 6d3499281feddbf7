package net.smtpfeed.e2e;

import org.openqa.selenium.By;

/**
 * The parts of a portal table's row found as a person finds the row: by the domain in its "domain" column. Columns and
 * buttons are named by their style class.
 */
final class DomainRows {

    private DomainRows() {
    }

    /** A cell of the domain's row in whichever table on the page has one. */
    static By cell(String domain, String column) {
        return By.xpath(row("", domain) + "/td[" + hasClass(column) + "]");
    }

    /** A cell of the domain's row in the table with that id. */
    static By cell(String table, String domain, String column) {
        return By.xpath(row("//div[@id='" + table + "']", domain) + "/td[" + hasClass(column) + "]");
    }

    static By button(String domain, String action) {
        return By.xpath(row("", domain) + "//button[" + hasClass(action) + "]");
    }

    /** A link by its text in the domain's row of the table with that id. */
    static By link(String table, String domain, String text) {
        return By.xpath(row("//div[@id='" + table + "']", domain) + "//a[normalize-space() = '" + text + "']");
    }

    private static String row(String table, String domain) {
        return table + "//tbody/tr[td[" + hasClass("domain") + " and normalize-space() = '" + domain + "']]";
    }

    private static String hasClass(String name) {
        return "contains(concat(' ', @class, ' '), ' " + name + " ')";
    }
}
