package net.smtpfeed.domain.mail;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;

/**
 * The id a sender is told in "250 queued as ..." and finds in every log line and portal row about the message.
 * Time first so that ids sort roughly by arrival; the random tail keeps several relay nodes apart.
 */
public final class QueueId {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RANDOM_DIGITS = 8;

    private QueueId() {
    }

    public static String next(Instant now) {
        long tail = RANDOM.nextLong() & Long.MAX_VALUE;
        String random = Long.toString(tail, 36);
        random = random.substring(Math.max(0, random.length() - RANDOM_DIGITS));
        String padded = "0".repeat(RANDOM_DIGITS - random.length()) + random;
        return (Long.toString(now.toEpochMilli(), 36) + padded).toUpperCase(Locale.ROOT);
    }
}
