package net.smtpfeed.portal.requests;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.smtpfeed.domain.audit.AuditTrail;
import net.smtpfeed.domain.feed.FeedRequest;
import net.smtpfeed.domain.hosting.CustomerDomains;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.request.CustomerRequest;
import net.smtpfeed.domain.request.CustomerRequestType;
import net.smtpfeed.domain.request.Requests;

/**
 * A customer's requests and what they may ask about. The customer is part of every query and every change here: a
 * customer sees their own requests and asks about their own domains, never another customer's.
 */
@Stateless
public class CustomerRequests {

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    public List<FeedRequest> feedRequests(long customerId) {
        return new Requests(em).feedRequestsOf(customerId);
    }

    public List<CustomerRequest> otherRequests(long customerId) {
        return new Requests(em).customerRequestsOf(customerId);
    }

    /** The customer's domains, which their requests may be about. */
    public List<HostedDomain> domains(long customerId) {
        return new CustomerDomains(em).of(customerId);
    }

    /**
     * @param extraDays for a queue extension only
     * @return the problems by field, in which case nothing was stored; empty when the request was submitted
     */
    public Map<CustomerRequest.Field, Enum<?>> submit(long customerId, String submittedBy, CustomerRequestType type,
                                                      String domainName, Integer extraDays, String reason) {
        HostedDomain domain = domainName == null ? null
                : new CustomerDomains(em).find(customerId, domainName).orElse(null);
        Integer days = type == CustomerRequestType.QUEUE_EXTENSION ? extraDays : null;
        Map<CustomerRequest.Field, Enum<?>> problems = CustomerRequest.problems(type, domain, days, reason);
        if (!problems.isEmpty()) {
            return problems;
        }
        Instant now = Instant.now();
        CustomerRequest request = switch (type) {
            case QUEUE_EXTENSION -> CustomerRequest.queueExtension(domain, days, reason, submittedBy, now);
            case TEMPORARY_MAILBOXES -> CustomerRequest.temporaryMailboxes(domain, reason, submittedBy, now);
            case FEED_RETURN -> CustomerRequest.feedReturn(domain, reason, submittedBy, now);
        };
        em.persist(request);
        em.flush();
        new AuditTrail(em).record(submittedBy, request.getCustomer(), "customer request " + request.getId(),
                "submitted", null, request.describe(), now);
        return Map.of();
    }
}
