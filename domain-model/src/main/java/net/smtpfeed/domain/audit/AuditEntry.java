package net.smtpfeed.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.Objects;
import net.smtpfeed.domain.customer.Customer;

/**
 * One change, by anyone, to what a customer has with us (a domain's settings, a request, a user): who made it, when,
 * to what, and the value before and after. Written once, never changed.
 */
@Entity
public class AuditEntry {

    private static final int MAX_VALUE_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant occurredAt;

    private String actor;

    /** Whose data changed; null for the ISP's own. */
    @ManyToOne(fetch = FetchType.LAZY)
    private Customer customer;

    /** What was changed, as a person names it: "domain customer.example", "feed request 12", "user anna". */
    private String subject;

    @Column(name = "change_name")
    private String change;

    private String oldValue;

    private String newValue;

    protected AuditEntry() {
    }

    public AuditEntry(Instant occurredAt, String actor, Customer customer, String subject, String change,
                      String oldValue, String newValue) {
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.customer = customer;
        this.subject = Objects.requireNonNull(subject, "subject");
        this.change = Objects.requireNonNull(change, "change");
        this.oldValue = truncate(oldValue);
        this.newValue = truncate(newValue);
    }

    private static String truncate(String value) {
        return value == null || value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH);
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public Customer getCustomer() {
        return customer;
    }

    public String getSubject() {
        return subject;
    }

    public String getChange() {
        return change;
    }

    public String getOldValue() {
        return oldValue;
    }

    public String getNewValue() {
        return newValue;
    }
}
