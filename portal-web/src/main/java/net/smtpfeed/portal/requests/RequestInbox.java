package net.smtpfeed.portal.requests;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.smtpfeed.domain.audit.AuditTrail;
import net.smtpfeed.domain.feed.ConnectionTestResult;
import net.smtpfeed.domain.feed.DestinationRefused;
import net.smtpfeed.domain.feed.DomainClaim;
import net.smtpfeed.domain.feed.DomainClaims;
import net.smtpfeed.domain.feed.FeedRequest;
import net.smtpfeed.domain.feed.FeedRequestState;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.DomainName;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.hosting.QueueLifetimeTooLong;
import net.smtpfeed.domain.mail.DomainQueue;
import net.smtpfeed.domain.request.CustomerRequest;
import net.smtpfeed.domain.request.CustomerRequestState;
import net.smtpfeed.domain.request.CustomerRequestType;
import net.smtpfeed.domain.request.Requests;
import net.smtpfeed.portal.feed.FeedDestinations;
import net.smtpfeed.portal.security.StaffOnly;
import net.smtpfeed.relay.mailbox.ModeSwitch;
import net.smtpfeed.relay.probe.ConnectionProbe;
import net.smtpfeed.relay.queue.QueueAdministration;

/**
 * Staff's request inbox: the requests of all customers that wait for a decision, the connection test of a feed, and
 * the decisions. Each action is one transaction with its audit entries; an action that cannot be taken changes
 * nothing and says why.
 */
@Stateless
@StaffOnly
public class RequestInbox {

    /** How an action went. */
    public enum Outcome {
        DONE,
        /** Someone decided the request meanwhile. */
        ALREADY_DECIDED,
        /** A feed is approved only after a passed connection test. */
        NOT_TESTED,
        /** We host the domain already, or another customer asked for it too. */
        DOMAIN_TAKEN,
        /** The rules for destinations changed since the request, and refuse its destination now. */
        DESTINATION_REFUSED,
        /** The queue lifetime cannot grow that much any more. */
        QUEUE_LIFETIME_TOO_LONG
    }

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Inject
    private ConnectionProbe probe;

    @Inject
    private QueueAdministration queue;

    @Inject
    private FeedDestinations destinations;

    @Inject
    private ModeSwitch modeSwitch;

    public List<FeedRequest> openFeedRequests() {
        return new Requests(em).openFeedRequests();
    }

    public List<CustomerRequest> openCustomerRequests() {
        return new Requests(em).openCustomerRequests();
    }

    public Optional<FeedRequest> feedRequest(long id) {
        return em.createQuery("select r from FeedRequest r join fetch r.customer where r.id = :id", FeedRequest.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    public Optional<CustomerRequest> customerRequest(long id) {
        return em.createQuery("""
                        select r from CustomerRequest r join fetch r.customer join fetch r.domain
                        where r.id = :id""", CustomerRequest.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    /** Runs the connection test and keeps its result on the request, which is then in test. */
    public Outcome testConnection(long id, String staff) {
        FeedRequest request = em.find(FeedRequest.class, id);
        if (!request.getState().isOpen()) {
            return Outcome.ALREADY_DECIDED;
        }
        if (!destinationAllowed(request.getDestination())) {
            return Outcome.DESTINATION_REFUSED;
        }
        ConnectionTestResult result = probe.test(request.getDestination(), DomainName.of(request.getDomainName()));
        Instant now = Instant.now();
        FeedRequestState before = request.getState();
        request.recordConnectionTest(result, staff, now);
        AuditTrail audit = new AuditTrail(em);
        audit.record(staff, request.getCustomer(), subject(request), "state", before, request.getState(), now);
        audit.record(staff, request.getCustomer(), subject(request), "connection test", null,
                (result.passed() ? "passed: " : "failed: ") + result.verdict(), now);
        return Outcome.DONE;
    }

    /** Approves the feed, which makes its domain live in the relay with this transaction's commit. */
    public Outcome approveFeed(long id, String staff) {
        FeedRequest request = em.find(FeedRequest.class, id);
        if (!request.getState().isOpen()) {
            return Outcome.ALREADY_DECIDED;
        }
        if (!request.isReadyForApproval()) {
            return Outcome.NOT_TESTED;
        }
        DomainClaim claim = new DomainClaims(em).of(DomainName.of(request.getDomainName()), request.getCustomer().getId());
        if (claim != DomainClaim.REQUESTED_BY_CUSTOMER) {
            return Outcome.DOMAIN_TAKEN;
        }
        if (!destinationAllowed(request.getDestination())) {
            return Outcome.DESTINATION_REFUSED;
        }
        Instant now = Instant.now();
        FeedRequestState before = request.getState();
        HostedDomain domain = request.approve(staff, now);
        em.persist(domain);
        AuditTrail audit = new AuditTrail(em);
        audit.record(staff, request.getCustomer(), subject(request), "state", before, request.getState(), now);
        audit.record(staff, request.getCustomer(), "domain " + domain.getName(), "feed switched on", null,
                request.describe(), now);
        return Outcome.DONE;
    }

    public Outcome rejectFeed(long id, String reason, String staff) {
        FeedRequest request = em.find(FeedRequest.class, id);
        if (!request.getState().isOpen()) {
            return Outcome.ALREADY_DECIDED;
        }
        Instant now = Instant.now();
        FeedRequestState before = request.getState();
        request.reject(reason, staff, now);
        new AuditTrail(em).record(staff, request.getCustomer(), subject(request), "state", before,
                request.getState() + ": " + request.getDecision().getRejectionReason(), now);
        return Outcome.DONE;
    }

    /**
     * Approves the request: a queue extension extends the domain's queue lifetime (and the waiting mail's) at once; a
     * mailbox request switches the domain to mailboxes (the relay audits that), unless it is on them already; a request
     * for the feed back is only recorded as approved, as staff choose what becomes of the mail in the mailboxes.
     */
    public Outcome approveCustomerRequest(long id, String staff) {
        CustomerRequest request = em.find(CustomerRequest.class, id);
        if (!request.getState().isOpen()) {
            return Outcome.ALREADY_DECIDED;
        }
        Instant now = Instant.now();
        AuditTrail audit = new AuditTrail(em);
        if (request.getType() == CustomerRequestType.QUEUE_EXTENSION) {
            HostedDomain domain = request.getDomain();
            Duration before = domain.getQueueLifetime();
            DomainQueue.LifetimeExtended extended;
            try {
                extended = queue.extendQueueLifetime(domain.getName(), request.getExtension());
            } catch (QueueLifetimeTooLong refused) {
                // The relay marked the transaction for rollback: the request stays open, as it was.
                return Outcome.QUEUE_LIFETIME_TOO_LONG;
            }
            audit.record(staff, request.getCustomer(), "domain " + domain.getName(), "queue lifetime", before,
                    extended.queueLifetime(), now);
        }
        if (request.getType() == CustomerRequestType.TEMPORARY_MAILBOXES && !request.getDomain().isInMailboxMode()) {
            modeSwitch.toMailboxes(request.getDomain().getName(), staff);
        }
        request.approve(staff, now);
        audit.record(staff, request.getCustomer(), subject(request), "state", CustomerRequestState.SUBMITTED,
                request.getState(), now);
        return Outcome.DONE;
    }

    public Outcome rejectCustomerRequest(long id, String reason, String staff) {
        CustomerRequest request = em.find(CustomerRequest.class, id);
        if (!request.getState().isOpen()) {
            return Outcome.ALREADY_DECIDED;
        }
        Instant now = Instant.now();
        request.reject(reason, staff, now);
        new AuditTrail(em).record(staff, request.getCustomer(), subject(request), "state",
                CustomerRequestState.SUBMITTED, request.getState() + ": " + request.getDecision().getRejectionReason(),
                now);
        return Outcome.DONE;
    }

    private boolean destinationAllowed(Destination destination) {
        try {
            destinations.rules().check(destination.getHost(), destination.getPort());
            return true;
        } catch (DestinationRefused refused) {
            return false;
        }
    }

    private static String subject(FeedRequest request) {
        return "feed request " + request.getId();
    }

    private static String subject(CustomerRequest request) {
        return "customer request " + request.getId();
    }
}
