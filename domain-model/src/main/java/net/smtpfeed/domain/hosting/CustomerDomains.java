package net.smtpfeed.domain.hosting;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** One customer's hosted domains, and never another's: what a customer may ask about or act on. */
public final class CustomerDomains {

    private final EntityManager em;

    public CustomerDomains(EntityManager em) {
        this.em = em;
    }

    /** The customer's domains by name. */
    public List<HostedDomain> of(long customerId) {
        return em.createQuery("select d from HostedDomain d where d.customer.id = :customerId order by d.name",
                        HostedDomain.class)
                .setParameter("customerId", customerId)
                .getResultList();
    }

    /** The domain of that name if it is the customer's; empty for another customer's domain as for none. */
    public Optional<HostedDomain> named(long customerId, String name) {
        return em.createQuery("select d from HostedDomain d where d.customer.id = :customerId and d.name = :name",
                        HostedDomain.class)
                .setParameter("customerId", customerId)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }
}
