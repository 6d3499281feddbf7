package net.smtpfeed.relay.mailbox;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import net.smtpfeed.domain.hosting.HostedDomain;

/**
 * Locks a hosted domain's row for the caller's transaction: exclusively for a change of its mode or its mailboxes,
 * shared for storing into its mailboxes. So a store sees the mode that holds until it commits, and a switch waits for
 * the stores under way. Lock before anything else of the domain is read in the transaction.
 */
public final class DomainLock {

    private DomainLock() {
    }

    public static HostedDomain forChange(EntityManager em, String domainName) {
        return em.createNamedQuery(HostedDomain.BY_NAME, HostedDomain.class)
                .setParameter("name", domainName)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no hosted domain " + domainName));
    }

    public static HostedDomain forChange(EntityManager em, long domainId) {
        return em.find(HostedDomain.class, domainId, LockModeType.PESSIMISTIC_WRITE);
    }

    public static HostedDomain forStore(EntityManager em, long domainId) {
        return em.find(HostedDomain.class, domainId, LockModeType.PESSIMISTIC_READ);
    }
}
