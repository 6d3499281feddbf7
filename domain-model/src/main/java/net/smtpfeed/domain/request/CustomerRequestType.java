package net.smtpfeed.domain.request;

/** What a customer can ask staff for about one of their domains, besides a feed. */
public enum CustomerRequestType {
    /** Keep the domain's mail longer while their server is down: approving extends the queue lifetime. */
    QUEUE_EXTENSION,
    /** Temporary POP3 mailboxes instead of the feed: approving records the decision; staff set the mailboxes up. */
    TEMPORARY_MAILBOXES
}
