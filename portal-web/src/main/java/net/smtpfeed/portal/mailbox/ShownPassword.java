package net.smtpfeed.portal.mailbox;

import java.io.Serializable;

/**
 * A mailbox's password in clear, carried in the flash to the one page view after the post that made it, and then
 * gone: nothing keeps it, so a reload no longer shows it.
 */
public record ShownPassword(String address, String password) implements Serializable {

    /** The flash key the page reads it from. */
    public static final String FLASH_KEY = "shownMailboxPassword";

    @Override
    public String toString() {
        return "ShownPassword[" + address + "]";
    }
}
