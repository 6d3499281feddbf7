package net.smtpfeed.relay.mailbox;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import net.smtpfeed.domain.hosting.HostedDomain;

/**
 * Locks a hosted domain's row (SELECT ... FOR UPDATE) for the caller's transaction, before anything else of the domain
 * is read in it: a switch of its mode, a change of its mailboxes, a store into them and a POP3 session's deletions
 * each take it, so a store sees the mode that holds until it commits, and a switch waits for the stores under way.
 * Exclusive even for stores: MariaDB has no FOR SHARE, which Hibernate writes for a shared lock on MySQL. Stores into
 * one domain's mailboxes thus take turns, each a short transaction.
 */
public final class DomainLock {

    private DomainLock() {
    }

    public static HostedDomain lock(EntityManager em, String domainName) {
        return em.createNamedQuery(HostedDomain.BY_NAME, HostedDomain.class)
                .setParameter("name", domainName)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no hosted domain " + domainName));
    }

    public static HostedDomain lock(EntityManager em, long domainId) {
        return em.find(HostedDomain.class, domainId, LockModeType.PESSIMISTIC_WRITE);
    }
}
