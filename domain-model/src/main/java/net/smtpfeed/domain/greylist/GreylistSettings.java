package net.smtpfeed.domain.greylist;

import java.time.Duration;
import java.util.Objects;

/**
 * @param delay how long a new triplet is deferred
 * @param retryWindow how long after its first sight a retry still passes; later, the triplet starts over
 * @param maxAge how long a passed triplet, or a whitelisted client network, stays whitelisted while unseen
 * @param autoWhitelistAfter after how many passed triplets a client network passes whatever it sends
 */
public record GreylistSettings(Duration delay, Duration retryWindow, Duration maxAge, int autoWhitelistAfter) {

    public static final GreylistSettings DEFAULTS =
            new GreylistSettings(Duration.ofMinutes(5), Duration.ofDays(2), Duration.ofDays(35), 5);

    public GreylistSettings {
        requirePositive("delay", delay);
        requirePositive("retry window", retryWindow);
        requirePositive("max age", maxAge);
        if (delay.compareTo(retryWindow) >= 0) {
            throw new IllegalArgumentException("greylist delay (" + delay + ") must be shorter than the retry window ("
                    + retryWindow + "), or no retry could ever pass");
        }
        if (autoWhitelistAfter < 1) {
            throw new IllegalArgumentException("greylist auto-whitelist-after must be at least 1, was " + autoWhitelistAfter);
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, "greylist " + name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("greylist " + name + " must be positive, was " + value);
        }
    }
}
