package net.smtpfeed.domain.mail;

import java.time.Duration;
import java.time.Instant;
import net.smtpfeed.domain.hosting.Destination;

/**
 * What the queue still owes one hosted domain, as staff see it: how many deliveries wait in each state, since when,
 * when the next is tried, when the first would expire, and why the last one failed.
 *
 * @param destination     the customer's server; null for a domain without one (mailbox mode)
 * @param nextAttemptAt   the earliest next attempt of a queued or deferred delivery; null if all are being delivered
 * @param firstExpiresAt  when the first of them would expire and go back to its sender
 * @param lastError       the latest failure among them, or null
 */
public record PendingMailOfDomain(String domain, Destination destination, Duration queueLifetime, long queued,
                                  long deferred, long delivering, Instant oldestReceivedAt, Instant nextAttemptAt,
                                  Instant firstExpiresAt, String lastError) {

    public long pending() {
        return queued + deferred + delivering;
    }
}
