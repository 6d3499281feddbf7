package net.smtpfeed.domain.feed;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.Objects;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.DomainName;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.request.Decision;
import net.smtpfeed.domain.spam.SpamPolicy;

/**
 * A customer's request for an SMTP feed for one domain, worked by staff: tested against the customer's server, then
 * approved (which makes the domain live with the settings asked for) or rejected with a reason.
 */
@Entity
public class FeedRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Customer customer;

    private String domainName;

    @Embedded
    private Destination destination;

    private boolean greylisting;

    private boolean spamChecking;

    /** The thresholds and actions asked for; the defaults unless the customer changed them. */
    @Embedded
    private SpamPolicy spamPolicy;

    @Enumerated(EnumType.STRING)
    private FeedRequestState state;

    private String requestedBy;

    private Instant requestedAt;

    @Embedded
    private ConnectionTest lastTest;

    @Embedded
    private Decision decision;

    protected FeedRequest() {
    }

    public FeedRequest(Customer customer, DomainName domainName, Destination destination, boolean greylisting,
                       boolean spamChecking, SpamPolicy spamPolicy, String requestedBy, Instant requestedAt) {
        this.customer = Objects.requireNonNull(customer, "customer");
        this.domainName = domainName.value();
        this.destination = Objects.requireNonNull(destination, "destination");
        this.greylisting = greylisting;
        this.spamChecking = spamChecking;
        this.spamPolicy = Objects.requireNonNull(spamPolicy, "spamPolicy");
        this.state = FeedRequestState.SUBMITTED;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    /**
     * Keeps what a connection test to the customer's server found. The first test puts the request in test; staff may
     * test again as often as they like until they decide.
     *
     * @throws IllegalStateException when the request is already decided
     */
    public void recordConnectionTest(ConnectionTestResult result, String testedBy, Instant now) {
        if (state == FeedRequestState.SUBMITTED) {
            moveTo(FeedRequestState.IN_TEST);
        } else if (state != FeedRequestState.IN_TEST) {
            throw new IllegalStateException("feed request " + id + " is " + state + ": there is nothing left to test");
        }
        lastTest = new ConnectionTest(result, testedBy, now);
    }

    /**
     * Staff switch the feed on: the request is approved, and the domain it returns, live with the destination and
     * settings asked for, is to be stored in the same transaction.
     *
     * @throws IllegalStateException unless the last connection test passed
     */
    public HostedDomain approve(String approvedBy, Instant now) {
        if (!isReadyForApproval()) {
            throw new IllegalStateException("feed request " + id + " is " + state + (lastTest == null ? ", never tested"
                    : ", last test " + (lastTest.isPassed() ? "passed" : "failed")) + ": it cannot be approved");
        }
        moveTo(FeedRequestState.APPROVED);
        decision = Decision.approval(approvedBy, now);
        return HostedDomain.feed(DomainName.of(domainName), customer, destination, greylisting, spamChecking, spamPolicy,
                now);
    }

    /**
     * @throws IllegalArgumentException without a reason: the customer must learn why
     * @throws IllegalStateException when the request is already decided
     */
    public void reject(String reason, String rejectedBy, Instant now) {
        Decision rejection = Decision.rejection(reason, rejectedBy, now);
        moveTo(FeedRequestState.REJECTED);
        decision = rejection;
    }

    /** In test, and the last test found the customer's server taking mail for the domain. */
    public boolean isReadyForApproval() {
        return state == FeedRequestState.IN_TEST && lastTest != null && lastTest.isPassed();
    }

    /** The feed asked for in one line, as the audit log keeps it. */
    public String describe() {
        return domainName + " to " + destination + ", greylisting " + (greylisting ? "on" : "off") + ", spam checking "
                + (spamChecking ? "on" : "off");
    }

    private void moveTo(FeedRequestState next) {
        if (!state.mayMoveTo(next)) {
            throw new IllegalStateException("a " + state + " request cannot become " + next);
        }
        state = next;
    }

    public Long getId() {
        return id;
    }

    public Customer getCustomer() {
        return customer;
    }

    public String getDomainName() {
        return domainName;
    }

    public Destination getDestination() {
        return destination;
    }

    public boolean isGreylisting() {
        return greylisting;
    }

    public boolean isSpamChecking() {
        return spamChecking;
    }

    public SpamPolicy getSpamPolicy() {
        return spamPolicy;
    }

    public FeedRequestState getState() {
        return state;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    /** The last connection test, or null before the first. */
    public ConnectionTest getLastTest() {
        return lastTest;
    }

    /** Staff's decision, or null while the request is open. */
    public Decision getDecision() {
        return decision;
    }
}
