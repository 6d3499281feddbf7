package net.smtpfeed.domain.mail;

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
import net.smtpfeed.domain.hosting.HostedDomain;

/** One recipient's copy of a message in the queue: the unit that is delivered, deferred and retried. */
@Entity
public class Delivery {

    private static final int MAX_ERROR_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private MailMessage message;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private HostedDomain domain;

    private String recipient;

    @Enumerated(EnumType.STRING)
    private DeliveryState state;

    private int attempts;

    private Instant nextAttemptAt;

    private String lastError;

    private Instant completedAt;

    protected Delivery() {
    }

    public Delivery(MailMessage message, HostedDomain domain, EmailAddress recipient) {
        this.message = Objects.requireNonNull(message);
        this.domain = Objects.requireNonNull(domain);
        this.recipient = recipient.toString();
        this.state = DeliveryState.QUEUED;
        this.nextAttemptAt = message.getReceivedAt();
    }

    public void delivered(Instant now) {
        requirePending();
        attempts++;
        state = DeliveryState.DELIVERED;
        completedAt = now;
        lastError = null;
    }

    /** The destination did not take it this time; it is kept and tried again per the schedule. */
    public void deferred(String error, RetrySchedule schedule, Instant now) {
        requirePending();
        attempts++;
        state = DeliveryState.DEFERRED;
        lastError = error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
        nextAttemptAt = schedule.nextAttempt(attempts, now);
    }

    private void requirePending() {
        if (!state.isPending()) {
            throw new IllegalStateException("delivery " + id + " is already " + state);
        }
    }

    public Long getId() {
        return id;
    }

    public MailMessage getMessage() {
        return message;
    }

    public HostedDomain getDomain() {
        return domain;
    }

    public String getRecipient() {
        return recipient;
    }

    public DeliveryState getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }
}
