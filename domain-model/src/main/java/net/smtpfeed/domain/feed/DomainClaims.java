package net.smtpfeed.domain.feed;

import jakarta.persistence.EntityManager;
import java.util.List;
import net.smtpfeed.domain.hosting.DomainName;

/**
 * Whether a domain is free for a customer to ask a feed for, inside the caller's transaction. One domain belongs to
 * one customer: a hosted domain, or an open request, keeps every other customer from asking for it.
 */
public final class DomainClaims {

    private final EntityManager em;

    public DomainClaims(EntityManager em) {
        this.em = em;
    }

    public DomainClaim of(DomainName domain, long customerId) {
        List<Long> hostedFor = em.createQuery("select d.customer.id from HostedDomain d where d.name = :name", Long.class)
                .setParameter("name", domain.value())
                .getResultList();
        if (!hostedFor.isEmpty()) {
            return hostedFor.contains(customerId) ? DomainClaim.HOSTED_FOR_CUSTOMER : DomainClaim.HELD_BY_ANOTHER_CUSTOMER;
        }
        List<Long> requestedBy = em.createQuery("""
                        select r.customer.id from FeedRequest r
                        where r.domainName = :name and r.state in :open""", Long.class)
                .setParameter("name", domain.value())
                .setParameter("open", FeedRequestState.open())
                .getResultList();
        if (requestedBy.stream().anyMatch(id -> id != customerId)) {
            return DomainClaim.HELD_BY_ANOTHER_CUSTOMER;
        }
        return requestedBy.isEmpty() ? DomainClaim.FREE : DomainClaim.REQUESTED_BY_CUSTOMER;
    }
}
