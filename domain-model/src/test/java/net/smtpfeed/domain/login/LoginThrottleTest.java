package net.smtpfeed.domain.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Instant NOW = Instant.parse("2026-11-28T20:00:00Z");

    private final LoginThrottle throttle = new LoginThrottle(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(1),
            Duration.ofMinutes(15));

    @Test
    void fewerFailuresThanTheLimitDoNotThrottle() {
        assertEquals(Optional.empty(), throttle.refusedUntil(failures(4), List.of(), NOW));
    }

    @Test
    void theFifthFailureOfAnAccountRefusesItForTheFirstDelay() {
        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(1))), throttle.refusedUntil(failures(5), List.of(), NOW));
    }

    @Test
    void eachFurtherFailureDoublesTheDelay() {
        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(4))), throttle.refusedUntil(failures(7), List.of(), NOW));
    }

    @Test
    void theDelayStopsGrowingAtItsMaximum() {
        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(15))), throttle.refusedUntil(failures(40), List.of(), NOW));
    }

    @Test
    void theDelayCountsFromTheLatestFailureAndEnds() {
        List<Instant> failures = failures(5);
        assertEquals(Optional.empty(), throttle.refusedUntil(failures, List.of(), NOW.plus(Duration.ofMinutes(1))));
    }

    @Test
    void anAddressIsAllowedMoreFailuresThanAnAccount() {
        assertEquals(Optional.empty(), throttle.refusedUntil(List.of(), failures(19), NOW));
        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(1))), throttle.refusedUntil(List.of(), failures(20), NOW));
    }

    @Test
    void theLongerOfTheTwoRefusalsHolds() {
        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(2))), throttle.refusedUntil(failures(6), failures(20), NOW));
    }

    @Test
    void failuresCountWithinTheWindow() {
        assertEquals(NOW.minus(Duration.ofMinutes(15)), throttle.countsSince(NOW));
    }

    @Test
    void aDelayThatShrinksIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new LoginThrottle(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(1)));
    }

    @Test
    void theWaitIsToldInWholeMinutesRoundedUp() {
        assertEquals(2, LoginThrottle.minutesToWait(NOW.plusSeconds(61), NOW));
        assertEquals(1, LoginThrottle.minutesToWait(NOW.plusSeconds(5), NOW));
        assertEquals(15, LoginThrottle.minutesToWait(NOW.plus(Duration.ofMinutes(15)), NOW));
    }

    /** That many failures, the latest now, one second apart. */
    private static List<Instant> failures(int count) {
        List<Instant> failures = new ArrayList<>(IntStream.range(0, count).mapToObj(NOW::minusSeconds).toList());
        Collections.shuffle(failures);
        return failures;
    }
}
