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
    DELIVERED;

    /** Whether the queue still owes this recipient a delivery. */
    public boolean isPending() {
        return this != DELIVERED;
    }
}
