package net.smtpfeed.domain.hosting;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;

/** Every customer's hosted domains, found by part of the domain's or the customer's name: a staff view. */
public final class DomainDirectory {

    private final EntityManager em;

    public DomainDirectory(EntityManager em) {
        this.em = em;
    }

    /** The domains whose name or customer's name contains the text (all for none), by name, at most {@code max}. */
    public List<HostedDomain> search(String text, int max) {
        String pattern = text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase(Locale.ROOT) + "%";
        return em.createQuery("""
                        select d from HostedDomain d join fetch d.customer
                        where :pattern is null or lower(d.name) like :pattern or lower(d.customer.name) like :pattern
                        order by d.name""", HostedDomain.class)
                .setParameter("pattern", pattern)
                .setMaxResults(max)
                .getResultList();
    }
}
