package net.smtpfeed.domain.request;

import jakarta.persistence.EntityManager;
import java.util.List;
import net.smtpfeed.domain.feed.FeedRequest;
import net.smtpfeed.domain.feed.FeedRequestState;

/** Feed requests and other customer requests as their pages list them: one customer's, or those waiting for staff. */
public final class Requests {

    private final EntityManager em;

    public Requests(EntityManager em) {
        this.em = em;
    }

    /** The customer's feed requests, newest first. */
    public List<FeedRequest> feedRequestsOf(long customerId) {
        return em.createQuery("select r from FeedRequest r where r.customer.id = :customerId order by r.id desc",
                        FeedRequest.class)
                .setParameter("customerId", customerId)
                .getResultList();
    }

    /** The customer's other requests, newest first. */
    public List<CustomerRequest> customerRequestsOf(long customerId) {
        return em.createQuery("""
                        select r from CustomerRequest r join fetch r.domain
                        where r.customer.id = :customerId order by r.id desc""", CustomerRequest.class)
                .setParameter("customerId", customerId)
                .getResultList();
    }

    /** The feed requests staff have yet to decide, of all customers, oldest first. */
    public List<FeedRequest> openFeedRequests() {
        return em.createQuery("""
                        select r from FeedRequest r join fetch r.customer
                        where r.state in :open order by r.id""", FeedRequest.class)
                .setParameter("open", FeedRequestState.open())
                .getResultList();
    }

    /** The other requests staff have yet to decide, of all customers, oldest first. */
    public List<CustomerRequest> openCustomerRequests() {
        return em.createQuery("""
                        select r from CustomerRequest r join fetch r.customer join fetch r.domain
                        where r.state = net.smtpfeed.domain.request.CustomerRequestState.SUBMITTED
                        order by r.id""", CustomerRequest.class)
                .getResultList();
    }
}
