package net.smtpfeed.domain.mail;

/** Where one recipient's copy of a message stands in the queue. */
public enum DeliveryState {
    /** Accepted, not yet tried. */
    QUEUED,
    /** Claimed by a relay worker until its lease ends; a lease that ends unfinished makes it due again. */
    DELIVERING,
    /** Tried, the destination did not take it yet; tried again at the next attempt time. */
    DEFERRED,
    /** The customer's server answered 2xx. */
    DELIVERED,
    /** The customer's server refused it for good (5xx); the sender is told. */
    BOUNCED,
    /** The queue lifetime ended before the customer's server took it; the sender is told. */
    EXPIRED,
    /**
     * Held back by the customer's spam action (delete) until its quarantine ends: released to QUEUED by a person, or
     * purged to DISCARDED. Never claimed by a worker.
     */
    QUARANTINED,
    /**
     * Stored in a mailbox of its domain, which was in mailbox mode: delivered, as far as the queue is concerned. Staff
     * switching the domain back to its feed may queue it again (with what is still in the mailbox), never a worker.
     */
    STORED,
    /** Dropped on purpose (a customer's spam action), never delivered and not bounced. */
    DISCARDED;

    /** Whether the queue still owes this recipient a delivery. */
    public boolean isPending() {
        return this == QUEUED || this == DELIVERING || this == DEFERRED;
    }

    /** Whether the sender is owed a delivery status notification for this recipient. */
    public boolean isFailure() {
        return this == BOUNCED || this == EXPIRED;
    }
}
