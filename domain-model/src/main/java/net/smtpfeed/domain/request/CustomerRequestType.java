package net.smtpfeed.domain.request;

/** What a customer can ask staff for about one of their domains, besides a feed. */
public enum CustomerRequestType {
    /** Keep the domain's mail longer while their server is down: approving extends the queue lifetime. */
    QUEUE_EXTENSION,
    /** Temporary POP3 mailboxes instead of the feed: approving switches the domain to them; staff create them. */
    TEMPORARY_MAILBOXES,
    /**
     * Back from temporary mailboxes to the feed, once the customer's server is up: approving records the decision;
     * staff switch the domain back, choosing what becomes of the mail left in its mailboxes.
     */
    FEED_RETURN
}
