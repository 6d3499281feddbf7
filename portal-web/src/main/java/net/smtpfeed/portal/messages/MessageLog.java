package net.smtpfeed.portal.messages;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import net.smtpfeed.domain.mail.Delivery;

/**
 * The deliveries to one customer's domains, newest first. The customer is part of every query here: this is where
 * one tenant is kept from seeing another's mail.
 */
@Stateless
public class MessageLog {

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    public List<Delivery> deliveries(long customerId, int first, int max) {
        return em.createQuery("""
                        select d from Delivery d join fetch d.message join d.domain dom
                        where dom.customer.id = :customerId
                        order by d.message.id desc, d.id desc""", Delivery.class)
                .setParameter("customerId", customerId)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    public long count(long customerId) {
        return em.createQuery("select count(d) from Delivery d join d.domain dom where dom.customer.id = :customerId",
                        Long.class)
                .setParameter("customerId", customerId)
                .getSingleResult();
    }
}
