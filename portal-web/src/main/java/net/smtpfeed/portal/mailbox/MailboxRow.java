package net.smtpfeed.portal.mailbox;

import java.io.Serializable;
import java.time.Instant;

/** One mailbox as a page lists it, read inside the transaction: its address, whether it is the catch-all, its mail. */
public record MailboxRow(long id, String address, boolean catchAll, Instant createdAt, long messages, long unread)
        implements Serializable {
}
