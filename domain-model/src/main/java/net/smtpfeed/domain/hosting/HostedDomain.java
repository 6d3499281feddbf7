package net.smtpfeed.domain.hosting;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.spam.SpamPolicy;

/** A domain the ISP hosts for a customer, and how its mail is handled. */
@Entity
@NamedQuery(name = HostedDomain.BY_NAME, query = "select d from HostedDomain d where d.name = :name")
public class HostedDomain {

    public static final String BY_NAME = "HostedDomain.byName";

    /** How long the queue keeps trying a customer's server before it gives up and tells the sender. */
    public static final Duration DEFAULT_QUEUE_LIFETIME = Duration.ofDays(2);

    /** The longest staff may extend a queue lifetime to. */
    public static final Duration MAXIMUM_QUEUE_LIFETIME = Duration.ofDays(14);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    private Customer customer;

    @Enumerated(EnumType.STRING)
    private DomainStatus status;

    @Enumerated(EnumType.STRING)
    private DeliveryMode deliveryMode;

    @Embedded
    private Destination destination;

    private boolean greylisting;

    private boolean spamChecking;

    @Embedded
    private SpamPolicy spamPolicy;

    private long queueLifetimeSeconds;

    private boolean requireTls;

    private Instant createdAt;

    protected HostedDomain() {
    }

    /** A live SMTP feed with the product's defaults: greylisting on, spam checking off. */
    public static HostedDomain feed(DomainName name, Customer customer, Destination destination, Instant createdAt) {
        return feed(name, customer, destination, true, false, SpamPolicy.defaults(), createdAt);
    }

    /** A live SMTP feed with the settings the customer asked for, and the default queue lifetime. */
    public static HostedDomain feed(DomainName name, Customer customer, Destination destination, boolean greylisting,
                                    boolean spamChecking, SpamPolicy spamPolicy, Instant createdAt) {
        HostedDomain domain = new HostedDomain();
        domain.name = name.value();
        domain.customer = customer;
        domain.status = DomainStatus.ACTIVE;
        domain.deliveryMode = DeliveryMode.FEED;
        domain.destination = destination;
        domain.greylisting = greylisting;
        domain.spamChecking = spamChecking;
        domain.spamPolicy = Objects.requireNonNull(spamPolicy, "spamPolicy");
        domain.queueLifetimeSeconds = DEFAULT_QUEUE_LIFETIME.toSeconds();
        domain.createdAt = createdAt;
        return domain;
    }

    /** Whether the relay may answer RCPT TO for this domain; anything else is relaying, which we never do. */
    public boolean acceptsMail() {
        return status.acceptsMail();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Customer getCustomer() {
        return customer;
    }

    public DomainStatus getStatus() {
        return status;
    }

    public DeliveryMode getDeliveryMode() {
        return deliveryMode;
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

    /** The thresholds and actions in force whenever spam checking is on; kept while it is off. */
    public SpamPolicy getSpamPolicy() {
        return spamPolicy;
    }

    public void checkSpam(boolean on) {
        spamChecking = on;
    }

    public MailSettings getMailSettings() {
        return new MailSettings(greylisting, spamChecking, spamPolicy);
    }

    /** The customer's own settings, in force for the next message: the relay reads them at every RCPT TO. */
    public void changeMailSettings(MailSettings settings) {
        greylisting = settings.greylisting();
        spamChecking = settings.spamChecking();
        spamPolicy = settings.spamPolicy();
    }

    /** How the audit log names this domain as the subject of a change. */
    public String auditSubject() {
        return "domain " + name;
    }

    public void changeSpamPolicy(SpamPolicy policy) {
        spamPolicy = Objects.requireNonNull(policy, "policy");
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** Whether the customer's server must be reached over STARTTLS; otherwise TLS is used when it is offered. */
    public boolean isRequireTls() {
        return requireTls;
    }

    public Duration getQueueLifetime() {
        return Duration.ofSeconds(queueLifetimeSeconds);
    }

    /** When mail received at the given time gives up waiting for the customer's server and goes back to its sender. */
    public Instant queueExpiryOf(Instant receivedAt) {
        return receivedAt.plus(getQueueLifetime());
    }

    /** How much longer the queue lifetime may still be made before it reaches {@link #MAXIMUM_QUEUE_LIFETIME}. */
    public Duration queueLifetimeRoom() {
        return MAXIMUM_QUEUE_LIFETIME.minus(getQueueLifetime());
    }

    /**
     * Staff give a customer whose server is down for longer more time. The lifetime only grows, and never past
     * {@link #MAXIMUM_QUEUE_LIFETIME}: beyond that the sender is better served by a notice than by more silence.
     *
     * @return the new queue lifetime
     * @throws QueueLifetimeTooLong if the extension would take the lifetime past the maximum
     */
    public Duration extendQueueLifetimeBy(Duration extra) {
        if (extra.isNegative() || extra.isZero()) {
            throw new IllegalArgumentException("an extension of the queue lifetime must be positive, not " + extra);
        }
        Duration extended = getQueueLifetime().plus(extra);
        if (extended.compareTo(MAXIMUM_QUEUE_LIFETIME) > 0) {
            throw new QueueLifetimeTooLong(name, getQueueLifetime(), extra, MAXIMUM_QUEUE_LIFETIME);
        }
        queueLifetimeSeconds = extended.toSeconds();
        return extended;
    }

    /** Where its copies go now: its server, or its mailboxes. */
    public DeliveryTarget deliveryTarget() {
        return new DeliveryTarget(destination, requireTls, isInMailboxMode());
    }

    /** Whether its mail is kept in temporary POP3 mailboxes instead of being relayed to the customer's server. */
    public boolean isInMailboxMode() {
        return deliveryMode == DeliveryMode.MAILBOXES;
    }

    /**
     * From now on its mail goes to its mailboxes. The destination is kept for the switch back. Only from the feed: a
     * domain is in one mode at a time, and the database holds it to that (a mailbox names the mode of its domain).
     */
    public void switchToMailboxes() {
        if (deliveryMode != DeliveryMode.FEED) {
            throw new IllegalStateException("domain " + name + " is in " + deliveryMode + " mode already");
        }
        deliveryMode = DeliveryMode.MAILBOXES;
    }

    /** Back to relaying to the customer's server; the database refuses it while the domain still has a mailbox. */
    public void switchToFeed() {
        if (deliveryMode != DeliveryMode.MAILBOXES) {
            throw new IllegalStateException("domain " + name + " is in " + deliveryMode + " mode already");
        }
        if (destination == null) {
            throw new IllegalStateException("domain " + name + " has no server to relay to");
        }
        deliveryMode = DeliveryMode.FEED;
    }

    public void suspend() {
        status = DomainStatus.SUSPENDED;
    }

    public void reactivate() {
        status = DomainStatus.ACTIVE;
    }
}
