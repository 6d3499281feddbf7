package net.smtpfeed.domain.feed;

/** Who, if anyone, already has a domain that a customer asks a feed for. */
public enum DomainClaim {
    FREE,
    /** We already host it for this customer. */
    HOSTED_FOR_CUSTOMER,
    /** This customer's own request for it is still open. */
    REQUESTED_BY_CUSTOMER,
    /** We host it for another customer, or another customer's request for it is open. */
    HELD_BY_ANOTHER_CUSTOMER
}
