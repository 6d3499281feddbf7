package net.smtpfeed.domain.mail;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import java.time.Instant;
import java.util.Objects;
import net.smtpfeed.domain.hosting.HostedDomain;

/**
 * One recipient's copy of a message in the queue: the unit that is delivered, deferred and retried.
 * A worker claims due rows with one UPDATE that stamps its own token and a lease, so that two workers (or two
 * relay nodes) never hold the same row, and the rows of a worker that died come back when the lease ends.
 */
@Entity
@NamedQueries({
    @NamedQuery(name = Delivery.CLAIM_DUE_OF_MESSAGE, query = """
            update Delivery d set d.state = net.smtpfeed.domain.mail.DeliveryState.DELIVERING,
                   d.claimToken = :token, d.leasedUntil = :leasedUntil
            where d.message.id = :messageId and (
                  (d.state in (net.smtpfeed.domain.mail.DeliveryState.QUEUED, net.smtpfeed.domain.mail.DeliveryState.DEFERRED)
                   and d.nextAttemptAt <= :now)
               or (d.state = net.smtpfeed.domain.mail.DeliveryState.DELIVERING and d.leasedUntil < :now))"""),
    @NamedQuery(name = Delivery.CLAIMED_BY, query = """
            select d from Delivery d join fetch d.message join fetch d.domain
            where d.claimToken = :token and d.state = net.smtpfeed.domain.mail.DeliveryState.DELIVERING
            order by d.id"""),
    @NamedQuery(name = Delivery.MESSAGES_DUE, query = """
            select d.message.id from Delivery d
            where (d.state in (net.smtpfeed.domain.mail.DeliveryState.QUEUED, net.smtpfeed.domain.mail.DeliveryState.DEFERRED)
                   and d.nextAttemptAt <= :now)
               or (d.state = net.smtpfeed.domain.mail.DeliveryState.DELIVERING and d.leasedUntil < :now)
            group by d.message.id order by d.message.id""")
})
public class Delivery {

    public static final String CLAIM_DUE_OF_MESSAGE = "Delivery.claimDueOfMessage";
    public static final String CLAIMED_BY = "Delivery.claimedBy";
    public static final String MESSAGES_DUE = "Delivery.messagesDue";

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

    private String claimToken;

    private Instant leasedUntil;

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
        releaseClaim();
    }

    /** The destination did not take it this time; it is kept and tried again per the schedule. */
    public void deferred(String error, RetrySchedule schedule, Instant now) {
        requirePending();
        attempts++;
        state = DeliveryState.DEFERRED;
        lastError = error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
        nextAttemptAt = schedule.nextAttempt(attempts, now);
        releaseClaim();
    }

    private void releaseClaim() {
        claimToken = null;
        leasedUntil = null;
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

    public Instant getLeasedUntil() {
        return leasedUntil;
    }
}
