package net.smtpfeed.domain.customer;

/** What a portal user may do; the names are the security roles of the portal. */
public enum Role {
    CUSTOMER,
    STAFF;

    /** Staff act for the ISP and belong to no customer; everybody else belongs to exactly one. */
    public boolean belongsToCustomer() {
        return this == CUSTOMER;
    }
}
