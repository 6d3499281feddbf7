package net.smtpfeed.domain.customer;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a portal user may do; the names are the values of portal_user.role. The security groups a role gives are
 * its own name plus, for an administrator, the name of the role it extends (the portal_user_group view).
 */
public enum Role {
    /** A customer's user: sees and changes the customer's domains, messages and requests. */
    CUSTOMER,
    /** A customer's user who also manages the customer's users. */
    CUSTOMER_ADMIN,
    /** The ISP's support staff. */
    STAFF,
    /** Staff who also manage the staff accounts. */
    ADMINISTRATOR;

    /** Staff act for the ISP and belong to no customer; everybody else belongs to exactly one. */
    public boolean belongsToCustomer() {
        return this == CUSTOMER || this == CUSTOMER_ADMIN;
    }

    /** Whether the role manages the users of its side (a customer's, or the staff). */
    public boolean isAdministrator() {
        return this == CUSTOMER_ADMIN || this == ADMINISTRATOR;
    }

    /** The administrator's role of the same side: CUSTOMER_ADMIN for a customer's users, ADMINISTRATOR for staff. */
    public Role administrator() {
        return belongsToCustomer() ? CUSTOMER_ADMIN : ADMINISTRATOR;
    }

    /** The security groups the role gives (the portal_user_group view): its own, and an administrator's user role. */
    public Set<Role> groups() {
        return isAdministrator() ? EnumSet.of(this, user()) : EnumSet.of(this);
    }

    /** The plain user's role of the same side: CUSTOMER for a customer's users, STAFF for staff. */
    public Role user() {
        return belongsToCustomer() ? CUSTOMER : STAFF;
    }
}
