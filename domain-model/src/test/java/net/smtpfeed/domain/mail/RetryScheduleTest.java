package net.smtpfeed.domain.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = RetrySchedule.DEFAULT;

    @Test
    void theFirstRetryComesAfterAMinute() {
        assertEquals(Duration.ofMinutes(1), schedule.delayAfter(1));
    }

    @Test
    void theDelayDoublesPerFailedAttempt() {
        assertEquals(Duration.ofMinutes(2), schedule.delayAfter(2));
        assertEquals(Duration.ofMinutes(4), schedule.delayAfter(3));
    }

    @Test
    void theDelayIsCappedAtFiveMinutesHoweverManyAttempts() {
        assertEquals(Duration.ofMinutes(5), schedule.delayAfter(4));
        assertEquals(Duration.ofMinutes(5), schedule.delayAfter(10_000));
    }

    @Test
    void theNextAttemptIsTheDelayFromNow() {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        assertEquals(Instant.parse("2026-11-28T12:02:00Z"), schedule.nextAttempt(2, now));
    }

    @Test
    void aScheduleWhoseCapIsBelowItsFirstDelayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(Duration.ofMinutes(5), Duration.ofMinutes(1)));
    }
}
