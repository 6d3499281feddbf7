package net.smtpfeed.domain.mail;

import java.time.Duration;
import java.time.Instant;

/** When a deferred delivery is tried again: the first delay, doubling per attempt, capped. */
public record RetrySchedule(Duration firstDelay, Duration maximumDelay) {

    public static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofMinutes(1), Duration.ofMinutes(5));

    public RetrySchedule {
        if (firstDelay.isNegative() || firstDelay.isZero() || maximumDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("need 0 < first delay <= maximum delay");
        }
    }

    /** The delay after the given number of failed attempts (1 for the first failure). */
    public Duration delayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("attempts start at 1");
        }
        Duration delay = firstDelay;
        for (int i = 1; i < failedAttempts && delay.compareTo(maximumDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maximumDelay) > 0 ? maximumDelay : delay;
    }

    public Instant nextAttempt(int failedAttempts, Instant now) {
        return now.plus(delayAfter(failedAttempts));
    }
}
