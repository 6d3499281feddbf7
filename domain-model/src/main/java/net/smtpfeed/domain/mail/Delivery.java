package net.smtpfeed.domain.mail;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedNativeQueries;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.spam.SpamMark;

/**
 * One recipient's copy of a message in the queue: the unit that is delivered, deferred, retried, bounced.
 * Workers lock due rows with SELECT ... FOR UPDATE SKIP LOCKED (so that concurrent workers, on one node or several,
 * take different rows without waiting for each other) and stamp them with their token and a lease; the rows of a
 * worker that died come back when the lease ends. Ordered by id, which is arrival order.
 */
@Entity
@NamedNativeQueries({
    @NamedNativeQuery(name = Delivery.LOCK_DUE, query = """
            SELECT id FROM delivery
            WHERE (state IN ('QUEUED', 'DEFERRED') AND next_attempt_at <= ?1)
               OR (state = 'DELIVERING' AND leased_until < ?1)
            ORDER BY id LIMIT ?2
            FOR UPDATE SKIP LOCKED""")
})
@NamedQueries({
    @NamedQuery(name = Delivery.CLAIM, query = """
            update Delivery d set d.state = net.smtpfeed.domain.mail.DeliveryState.DELIVERING,
                   d.claimToken = :token, d.leasedUntil = :leasedUntil
            where d.id in :ids"""),
    @NamedQuery(name = Delivery.CLAIMED_BY, query = """
            select d from Delivery d join fetch d.message left join fetch d.domain
            where d.id in :ids and d.claimToken = :token and d.state = net.smtpfeed.domain.mail.DeliveryState.DELIVERING
            order by d.id"""),
    @NamedQuery(name = Delivery.RENEW_LEASES, query = """
            update Delivery d set d.leasedUntil = :leasedUntil
            where d.claimToken in :tokens and d.state = net.smtpfeed.domain.mail.DeliveryState.DELIVERING"""),
    @NamedQuery(name = Delivery.RELEASE_CLAIMS_OF_NODE, query = """
            update Delivery d set d.state = net.smtpfeed.domain.mail.DeliveryState.QUEUED,
                   d.claimToken = null, d.leasedUntil = null, d.nextAttemptAt = :now
            where d.state = net.smtpfeed.domain.mail.DeliveryState.DELIVERING and d.claimToken like :nodePrefix"""),
    @NamedQuery(name = Delivery.RELEASE_DEFERRED_OF_DOMAINS, query = """
            update Delivery d set d.nextAttemptAt = :now
            where d.state = net.smtpfeed.domain.mail.DeliveryState.DEFERRED and d.nextAttemptAt > :now
              and d.domain.id in :domainIds"""),
    @NamedQuery(name = Delivery.MAKE_DUE_OF_DOMAIN, query = """
            update Delivery d set d.nextAttemptAt = :now
            where d.domain.id = :domainId
              and d.state in (net.smtpfeed.domain.mail.DeliveryState.QUEUED, net.smtpfeed.domain.mail.DeliveryState.DEFERRED)"""),
    @NamedQuery(name = Delivery.RESET_EXPIRY_OF_DOMAIN, query = """
            update Delivery d
            set d.expiresAt = (select m.receivedAt from MailMessage m where m.id = d.message.id) + :lifetimeSeconds second
            where d.domain.id = :domainId
              and d.state in (net.smtpfeed.domain.mail.DeliveryState.QUEUED, net.smtpfeed.domain.mail.DeliveryState.DEFERRED,
                              net.smtpfeed.domain.mail.DeliveryState.DELIVERING)"""),
    @NamedQuery(name = Delivery.PURGE_QUARANTINE, query = """
            update Delivery d set d.state = net.smtpfeed.domain.mail.DeliveryState.DISCARDED, d.completedAt = :now,
                   d.lastError = 'purged from quarantine unreleased'
            where d.state = net.smtpfeed.domain.mail.DeliveryState.QUARANTINED and d.expiresAt <= :now""")
})
public class Delivery {

    public static final String LOCK_DUE = "Delivery.lockDue";
    public static final String CLAIM = "Delivery.claim";
    public static final String CLAIMED_BY = "Delivery.claimedBy";
    public static final String RENEW_LEASES = "Delivery.renewLeases";
    public static final String RELEASE_CLAIMS_OF_NODE = "Delivery.releaseClaimsOfNode";
    public static final String RELEASE_DEFERRED_OF_DOMAINS = "Delivery.releaseDeferredOfDomains";
    public static final String MAKE_DUE_OF_DOMAIN = "Delivery.makeDueOfDomain";
    public static final String RESET_EXPIRY_OF_DOMAIN = "Delivery.resetExpiryOfDomain";
    public static final String PURGE_QUARANTINE = "Delivery.purgeQuarantine";

    private static final int MAX_ERROR_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private MailMessage message;

    /** The hosted domain whose server gets it; null for a notification to a sender outside our domains. */
    @ManyToOne(fetch = FetchType.LAZY)
    private HostedDomain domain;

    private String recipient;

    @Enumerated(EnumType.STRING)
    private DeliveryState state;

    private int attempts;

    private Instant nextAttemptAt;

    private Instant expiresAt;

    private String lastError;

    private Instant completedAt;

    private String claimToken;

    private Instant leasedUntil;

    /** Set when the domain checks spam; null when it does not, or when no engine could score the message. */
    @Embedded
    private SpamMark spamMark;

    protected Delivery() {
    }

    /**
     * A copy for a recipient in a hosted domain, kept for that domain's queue lifetime as it was read when the message
     * came in (at RCPT TO), so that the domain may be a reference that is never loaded.
     */
    public Delivery(MailMessage message, HostedDomain domain, EmailAddress recipient, Duration queueLifetime) {
        this(message, Objects.requireNonNull(domain), recipient.toString(), message.getReceivedAt().plus(queueLifetime));
    }

    /** A delivery status notification to a sender outside the hosted domains. */
    public static Delivery notice(MailMessage notice, String sender, Instant expiresAt) {
        return new Delivery(notice, null, sender, expiresAt);
    }

    private Delivery(MailMessage message, HostedDomain domain, String recipient, Instant expiresAt) {
        this.message = Objects.requireNonNull(message);
        this.domain = domain;
        this.recipient = Objects.requireNonNull(recipient);
        this.state = DeliveryState.QUEUED;
        this.nextAttemptAt = message.getReceivedAt();
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    /**
     * Spam checking's decision for this copy. One its customer wants deleted goes to quarantine instead of the queue,
     * kept there for the given time.
     */
    public void markAsSpam(SpamMark mark, Duration quarantine) {
        if (state != DeliveryState.QUEUED || attempts > 0) {
            throw new IllegalStateException("delivery " + id + " is marked when it is accepted, not when " + state);
        }
        spamMark = Objects.requireNonNull(mark, "mark");
        if (mark.quarantines()) {
            state = DeliveryState.QUARANTINED;
            expiresAt = message.getReceivedAt().plus(quarantine);
        }
    }

    /**
     * A person took it out of quarantine: it is delivered at once, with the spam headers but not deleted again, and
     * waits for the customer's server for its domain's whole queue lifetime from now.
     */
    public void release(Instant now) {
        if (state != DeliveryState.QUARANTINED) {
            throw new IllegalStateException("delivery " + id + " is not in quarantine but " + state);
        }
        state = DeliveryState.QUEUED;
        spamMark = spamMark.released();
        nextAttemptAt = now;
        expiresAt = domain.queueExpiryOf(now);
    }

    /**
     * Taken by a worker, which holds it until the lease ends: the node that accepts a message claims its deliveries
     * in the accepting transaction, so that they go to its worker at once without another round to the database.
     */
    public void claim(String token, Instant leasedUntil) {
        requirePending();
        state = DeliveryState.DELIVERING;
        claimToken = Objects.requireNonNull(token);
        this.leasedUntil = Objects.requireNonNull(leasedUntil);
    }

    public void delivered(Instant now) {
        attempted();
        finish(DeliveryState.DELIVERED, null, now);
    }

    /** Stored in a mailbox of its domain instead of sent to the customer's server. */
    public void storedInMailbox(Instant now) {
        attempted();
        finish(DeliveryState.STORED, null, now);
    }

    /**
     * Its domain went back from mailboxes to its feed with what was left in them: it is due at once, for its domain's
     * whole queue lifetime from now, with the spam mark it was accepted with.
     */
    public void requeueFromMailbox(Instant now) {
        if (state != DeliveryState.STORED) {
            throw new IllegalStateException("delivery " + id + " is not stored in a mailbox but " + state);
        }
        state = DeliveryState.QUEUED;
        completedAt = null;
        nextAttemptAt = now;
        expiresAt = domain.queueExpiryOf(now);
    }

    /** The destination refused it for good: no more tries. */
    public void bounced(String reply, Instant now) {
        attempted();
        finish(DeliveryState.BOUNCED, reply, now);
    }

    /**
     * The destination did not take it this time. It is tried again per the schedule, unless its queue lifetime has
     * ended, when it expires.
     */
    public void deferred(String error, RetrySchedule schedule, Instant now) {
        attempted();
        waitUntil(schedule.nextAttempt(attempts, now), error, now);
    }

    /** Not tried at all (its destination is known to be down): it waits for the destination's next attempt. */
    public void postponed(Instant until, String reason, Instant now) {
        requirePending();
        waitUntil(until, reason, now);
    }

    private void waitUntil(Instant next, String reason, Instant now) {
        if (!now.isBefore(expiresAt)) {
            finish(DeliveryState.EXPIRED, reason, now);
            return;
        }
        state = DeliveryState.DEFERRED;
        lastError = truncate(reason);
        nextAttemptAt = next;
        releaseClaim();
    }

    private void attempted() {
        requirePending();
        attempts++;
    }

    private void finish(DeliveryState outcome, String reason, Instant now) {
        state = outcome;
        lastError = truncate(reason);
        completedAt = now;
        releaseClaim();
    }

    private void requirePending() {
        if (!state.isPending()) {
            throw new IllegalStateException("delivery " + id + " is already " + state);
        }
    }

    private void releaseClaim() {
        claimToken = null;
        leasedUntil = null;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
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

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public String getClaimToken() {
        return claimToken;
    }

    public Instant getLeasedUntil() {
        return leasedUntil;
    }

    public Optional<SpamMark> getSpamMark() {
        return Optional.ofNullable(spamMark);
    }
}
