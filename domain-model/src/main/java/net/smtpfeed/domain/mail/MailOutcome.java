package net.smtpfeed.domain.mail;

import java.util.Optional;
import net.smtpfeed.domain.spam.SpamLevel;

/**
 * What became of mail for a domain, as the customer's dashboard counts it per day. Each recipient's copy counts once:
 * a copy that spam checking gave a level counts as spam of that level whatever happened to it next (tagged, deleted,
 * delivered), otherwise by where its delivery stands.
 */
public enum MailOutcome {
    DELIVERED,
    SPAM_LOW,
    SPAM_MED,
    SPAM_HIGH,
    /** Refused at the end of DATA for a virus (never queued): one per recipient domain. */
    VIRUS,
    /** A new (client network, sender, recipient) triplet that greylisting turned away at its first sight. */
    GREYLISTED,
    /** Deferred at least once and still waiting, or given up when the queue lifetime ended. */
    DEFERRED;

    /**
     * The outcome a copy in the queue counts as; empty while it is still on its first way (queued, being delivered)
     * or when it was bounced or discarded without a spam level.
     */
    public static Optional<MailOutcome> ofCopy(DeliveryState state, SpamLevel spamLevel) {
        Optional<MailOutcome> spam = spamLevel == null ? Optional.empty() : switch (spamLevel) {
            case NONE -> Optional.empty();
            case LOW -> Optional.of(SPAM_LOW);
            case MED -> Optional.of(SPAM_MED);
            case HIGH -> Optional.of(SPAM_HIGH);
        };
        if (spam.isPresent()) {
            return spam;
        }
        return switch (state) {
            case DELIVERED, STORED -> Optional.of(DELIVERED);
            case DEFERRED, EXPIRED -> Optional.of(DEFERRED);
            default -> Optional.empty();
        };
    }
}
