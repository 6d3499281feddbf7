package net.smtpfeed.domain.spam;

/** What a customer wants done with mail of one spam level. */
public enum SpamAction {
    /** Delivered as it is. */
    NONE,
    /** Delivered with X-Spam-Flag, X-Spam-Level and X-Spam-Score headers, for the customer's own filters. */
    HEADER,
    /** Delivered with the level's text before the subject, and the headers. */
    SUBJECT,
    /** Not delivered: kept in quarantine for a while, from where it can be released, then purged. */
    DELETE
}
