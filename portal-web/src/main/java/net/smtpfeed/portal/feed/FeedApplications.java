package net.smtpfeed.portal.feed;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import net.smtpfeed.domain.audit.AuditTrail;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.feed.DomainClaim;
import net.smtpfeed.domain.feed.DomainClaims;
import net.smtpfeed.domain.feed.FeedApplication;
import net.smtpfeed.domain.feed.FeedRequest;
import net.smtpfeed.domain.hosting.DomainName;

/** A customer's feed application becomes a request, checked and recorded in one transaction. */
@Stateless
public class FeedApplications {

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Inject
    private FeedDestinations destinations;

    /**
     * @return the problems by field, in which case nothing was stored; empty when the request was submitted
     */
    public Map<FeedApplication.Field, Enum<?>> submit(long customerId, String submittedBy, FeedApplication application) {
        DomainClaims claims = new DomainClaims(em);
        Function<DomainName, DomainClaim> claimOf = domain -> claims.of(domain, customerId);
        Map<FeedApplication.Field, Enum<?>> problems = application.problems(destinations.rules(), claimOf);
        if (!problems.isEmpty()) {
            return problems;
        }
        Instant now = Instant.now();
        Customer customer = em.find(Customer.class, customerId);
        FeedRequest request = application.toRequest(customer, destinations.rules(), claimOf, submittedBy, now);
        em.persist(request);
        em.flush();
        new AuditTrail(em).record(submittedBy, customer, "feed request " + request.getId(), "submitted", null,
                request.describe(), now);
        return Map.of();
    }
}
