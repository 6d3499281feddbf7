package net.smtpfeed.domain.mailbox;

/** What happens to the messages still in a domain's mailboxes when staff switch it back to its feed. */
public enum StoredMailDisposal {
    /** Each goes back to the queue and is relayed to the customer's server like any other message. */
    DELIVER,
    /** Deleted, after the customer confirmed they fetched everything they wanted. */
    DELETE
}
