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
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.DomainName;

/** A customer's request for an SMTP feed for one domain, worked by staff. */
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

    @Enumerated(EnumType.STRING)
    private FeedRequestState state;

    private String rejectionReason;

    private String requestedBy;

    private Instant requestedAt;

    private Instant decidedAt;

    protected FeedRequest() {
    }

    public FeedRequest(Customer customer, DomainName domainName, Destination destination, boolean greylisting,
                       boolean spamChecking, String requestedBy, Instant requestedAt) {
        this.customer = customer;
        this.domainName = domainName.value();
        this.destination = destination;
        this.greylisting = greylisting;
        this.spamChecking = spamChecking;
        this.state = FeedRequestState.SUBMITTED;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    public void moveTo(FeedRequestState next, String reason, Instant now) {
        if (!state.mayMoveTo(next)) {
            throw new IllegalStateException("a " + state + " request cannot become " + next);
        }
        if (next == FeedRequestState.REJECTED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        state = next;
        rejectionReason = next == FeedRequestState.REJECTED ? reason.strip() : null;
        decidedAt = next.isFinal() ? now : null;
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

    public FeedRequestState getState() {
        return state;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
