package net.smtpfeed.domain.request;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.hosting.HostedDomain;

/**
 * A customer's request about one of their domains (see {@link CustomerRequestType}), with their reason, decided by
 * staff once: approved, or rejected with a reason of their own.
 */
@Entity
public class CustomerRequest {

    /** The fields of the request form that a problem is shown at. */
    public enum Field {
        DOMAIN,
        EXTRA_DAYS,
        REASON
    }

    public enum Invalid {
        /** A customer asks only about their own domains. */
        NOT_A_DOMAIN_OF_THE_CUSTOMER,
        /** Fewer than one day, or more than the domain's queue lifetime may still grow. */
        EXTENSION_OUT_OF_RANGE,
        /** Mailboxes for a domain that has them already, or the feed back for a domain that is on its feed. */
        ALREADY_IN_THAT_MODE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Customer customer;

    @Enumerated(EnumType.STRING)
    @Column(name = "request_type")
    private CustomerRequestType type;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private HostedDomain domain;

    /** For a queue extension: how many days longer the customer asks the queue to keep their mail. */
    private Integer extraDays;

    private String reason;

    @Enumerated(EnumType.STRING)
    private CustomerRequestState state;

    private String requestedBy;

    private Instant requestedAt;

    @Embedded
    private Decision decision;

    protected CustomerRequest() {
    }

    private CustomerRequest(CustomerRequestType type, HostedDomain domain, Integer extraDays, String reason,
                            String requestedBy, Instant requestedAt) {
        Map<Field, Enum<?>> problems = problems(type, domain, extraDays, reason);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(type + " request: " + problems);
        }
        this.customer = domain.getCustomer();
        this.type = type;
        this.domain = domain;
        this.extraDays = extraDays;
        this.reason = Reason.of(reason);
        this.state = CustomerRequestState.SUBMITTED;
        this.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy");
        this.requestedAt = Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** @throws IllegalArgumentException when the request has {@link #problems} */
    public static CustomerRequest queueExtension(HostedDomain domain, int extraDays, String reason, String requestedBy,
                                                 Instant now) {
        return new CustomerRequest(CustomerRequestType.QUEUE_EXTENSION, domain, extraDays, reason, requestedBy, now);
    }

    /** @throws IllegalArgumentException when the request has {@link #problems} */
    public static CustomerRequest temporaryMailboxes(HostedDomain domain, String reason, String requestedBy,
                                                     Instant now) {
        return new CustomerRequest(CustomerRequestType.TEMPORARY_MAILBOXES, domain, null, reason, requestedBy, now);
    }

    /** @throws IllegalArgumentException when the request has {@link #problems} */
    public static CustomerRequest feedReturn(HostedDomain domain, String reason, String requestedBy, Instant now) {
        return new CustomerRequest(CustomerRequestType.FEED_RETURN, domain, null, reason, requestedBy, now);
    }

    /**
     * What is wrong with a request as typed, by field; empty when it may be made. A queue extension must leave the
     * domain's queue lifetime within its maximum, so that staff can grant what was asked.
     *
     * @param domain the customer's domain of the name they chose, null when they have none of that name
     */
    public static Map<Field, Enum<?>> problems(CustomerRequestType type, HostedDomain domain, Integer extraDays,
                                               String reason) {
        Map<Field, Enum<?>> problems = new EnumMap<>(Field.class);
        if (domain == null) {
            problems.put(Field.DOMAIN, Invalid.NOT_A_DOMAIN_OF_THE_CUSTOMER);
        } else if (type == CustomerRequestType.QUEUE_EXTENSION && (extraDays == null || extraDays < 1
                || Duration.ofDays(extraDays).compareTo(domain.queueLifetimeRoom()) > 0)) {
            problems.put(Field.EXTRA_DAYS, Invalid.EXTENSION_OUT_OF_RANGE);
        } else if (type == CustomerRequestType.TEMPORARY_MAILBOXES && domain.isInMailboxMode()
                || type == CustomerRequestType.FEED_RETURN && !domain.isInMailboxMode()) {
            problems.put(Field.DOMAIN, Invalid.ALREADY_IN_THAT_MODE);
        }
        Reason.problemOf(reason).ifPresent(problem -> problems.put(Field.REASON, problem));
        return Collections.unmodifiableMap(problems);
    }

    /** @throws IllegalStateException when the request is already decided */
    public void approve(String approvedBy, Instant now) {
        decide(Decision.approval(approvedBy, now), CustomerRequestState.APPROVED);
    }

    /**
     * @throws IllegalArgumentException without a reason: the customer must learn why
     * @throws IllegalStateException    when the request is already decided
     */
    public void reject(String reason, String rejectedBy, Instant now) {
        decide(Decision.rejection(reason, rejectedBy, now), CustomerRequestState.REJECTED);
    }

    /** The request in one line, as the audit log keeps it. */
    public String describe() {
        String what = switch (type) {
            case QUEUE_EXTENSION -> "queue lifetime of " + domain.getName() + " " + extraDays + " days longer";
            case TEMPORARY_MAILBOXES -> "temporary mailboxes for " + domain.getName();
            case FEED_RETURN -> "back to the feed for " + domain.getName();
        };
        return what + ": " + reason;
    }

    private void decide(Decision made, CustomerRequestState next) {
        if (!state.isOpen()) {
            throw new IllegalStateException("request " + id + " is already " + state);
        }
        decision = made;
        state = next;
    }

    public Long getId() {
        return id;
    }

    public Customer getCustomer() {
        return customer;
    }

    public CustomerRequestType getType() {
        return type;
    }

    public HostedDomain getDomain() {
        return domain;
    }

    /** For a queue extension, how much longer its mail should be kept; null for other requests. */
    public Duration getExtension() {
        return extraDays == null ? null : Duration.ofDays(extraDays);
    }

    public Integer getExtraDays() {
        return extraDays;
    }

    public String getReason() {
        return reason;
    }

    public CustomerRequestState getState() {
        return state;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    /** Staff's decision, or null while the request is open. */
    public Decision getDecision() {
        return decision;
    }
}
