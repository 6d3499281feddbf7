package net.smtpfeed.domain.mailbox;

/** A change to a mailbox that was refused; nothing was changed. The reason tells a page what to say. */
public class MailboxRefused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why a mailbox could not be made or changed. */
    public enum Reason {
        /** Mailboxes exist only for a domain in mailbox mode. */
        DOMAIN_NOT_IN_MAILBOX_MODE,
        /** Not a local part of an address (RFC 5321: 1 to 64 characters, no spaces, no @). */
        BAD_LOCAL_PART,
        /** The domain has a mailbox of that address already. */
        ADDRESS_TAKEN,
        PASSWORD_TOO_SHORT,
        /** No such mailbox, or not one the caller may see. */
        NO_SUCH_MAILBOX
    }

    private final Reason reason;

    public MailboxRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }
}
