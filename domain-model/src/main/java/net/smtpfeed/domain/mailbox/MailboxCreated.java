package net.smtpfeed.domain.mailbox;

/** A mailbox just made, with its password in clear: shown once to the person who made it, kept nowhere. */
public record MailboxCreated(long mailboxId, String address, String password) {

    @Override
    public String toString() {
        return "MailboxCreated[" + mailboxId + ", " + address + "]";
    }
}
