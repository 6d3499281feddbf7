package net.smtpfeed.domain.login;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * When login attempts are refused without looking at the password: once an account, or a client address, has failed
 * {@code maxPerAccount} (or {@code maxPerAddress}) times within the window, attempts are refused for
 * {@code firstDelay} after its latest failure, doubling with every further failure up to {@code maxDelay}. Refused
 * attempts are not failures: waiting out the delay always helps.
 */
public record LoginThrottle(int maxPerAccount, int maxPerAddress, Duration window, Duration firstDelay,
                            Duration maxDelay) {

    public LoginThrottle {
        if (maxPerAccount < 1 || maxPerAddress < 1) {
            throw new IllegalArgumentException("at least one failure before the throttle refuses");
        }
        if (window.isNegative() || window.isZero() || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("a positive window and a delay growing from " + firstDelay + " to " + maxDelay);
        }
    }

    /** Failures older than this do not count. */
    public Instant countsSince(Instant now) {
        return now.minus(window);
    }

    /**
     * @param accountFailures the account's failures since {@link #countsSince}
     * @param addressFailures the client address's failures since then
     * @return until when attempts are refused; empty when this one may try
     */
    public Optional<Instant> refusedUntil(Collection<Instant> accountFailures, Collection<Instant> addressFailures,
                                          Instant now) {
        return later(until(accountFailures, maxPerAccount), until(addressFailures, maxPerAddress))
                .filter(now::isBefore);
    }

    /** How many whole minutes, rounded up and at least one, a refused caller is told to wait. */
    public static long minutesToWait(Instant refusedUntil, Instant now) {
        return Math.max(1, (Duration.between(now, refusedUntil).toSeconds() + 59) / 60);
    }

    private Optional<Instant> until(Collection<Instant> failures, int max) {
        if (failures.size() < max) {
            return Optional.empty();
        }
        int beyond = Math.min(failures.size() - max, 30);
        Duration delay = firstDelay.multipliedBy(1L << beyond);
        if (delay.compareTo(maxDelay) > 0) {
            delay = maxDelay;
        }
        return Optional.of(failures.stream().max(Instant::compareTo).orElseThrow().plus(delay));
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().isAfter(b.get()) ? a : b;
    }
}
