package net.smtpfeed.domain.hosting;

/** Where a hosted domain's mail goes: relayed to the customer's server, or kept in temporary POP3 mailboxes. Never both. */
public enum DeliveryMode {
    FEED,
    MAILBOXES
}
