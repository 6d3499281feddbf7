package net.smtpfeed.relay.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Instant START = Instant.parse("2026-11-28T12:00:00Z");

    private Clock clock = Clock.fixed(START, ZoneOffset.UTC);
    private final LoginThrottle throttle = new LoginThrottle(3, 5, Duration.ofMinutes(15), Duration.ofSeconds(1),
            new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return clock.instant();
                }
            });

    @Test
    void theWaitDoublesWithEachFailureOfAClientUpToEightTimesTheFirst() {
        List<Duration> waits = List.of(1, 2, 3, 4, 5).stream()
                .map(i -> throttle.failed("192.0.2.1", "user" + i + "@mailbox.example")).toList();
        assertEquals(List.of(1L, 2L, 4L, 8L, 8L), waits.stream().map(Duration::toSeconds).toList());
    }

    @Test
    void aClientThatFailedItsMaximumIsRefusedForEveryMailboxUntilTheWindowPasses() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("192.0.2.1", "info@mailbox.example");
        }
        assertFalse(throttle.allows("192.0.2.1", "other@mailbox.example"));
        assertTrue(throttle.allows("192.0.2.2", "other@mailbox.example"));

        clock = Clock.fixed(START.plus(Duration.ofMinutes(15)).plusSeconds(1), ZoneOffset.UTC);
        assertTrue(throttle.allows("192.0.2.1", "other@mailbox.example"));
    }

    @Test
    void aMailboxGuessedFromManyAddressesIsRefusedToAllOfThem() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("192.0.2." + i, "Info@Mailbox.example");
        }
        assertFalse(throttle.allows("198.51.100.1", "info@mailbox.example"));
        assertTrue(throttle.allows("198.51.100.1", "other@mailbox.example"));
    }

    @Test
    void forgettingKeepsWhatIsStillInTheWindow() {
        throttle.failed("192.0.2.1", "info@mailbox.example");
        clock = Clock.fixed(START.plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        throttle.failed("192.0.2.1", "info@mailbox.example");
        throttle.failed("192.0.2.1", "info@mailbox.example");
        clock = Clock.fixed(START.plus(Duration.ofMinutes(16)), ZoneOffset.UTC);
        throttle.forgetOld();
        assertTrue(throttle.allows("192.0.2.1", "info@mailbox.example"), "one of three failures left the window");
        throttle.failed("192.0.2.1", "info@mailbox.example");
        assertFalse(throttle.allows("192.0.2.1", "info@mailbox.example"));
    }
}
