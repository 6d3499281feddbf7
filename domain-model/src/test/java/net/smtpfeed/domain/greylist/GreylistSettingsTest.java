package net.smtpfeed.domain.greylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GreylistSettingsTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void theDefaultsAreFiveMinutesTwoDaysThirtyFiveDaysAndFivePasses() {
        assertEquals(new GreylistSettings(Duration.ofMinutes(5), Duration.ofDays(2), Duration.ofDays(35), 5),
                GreylistSettings.DEFAULTS);
    }

    @Test
    void durationsMustBePositive() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GreylistSettings(Duration.ZERO, DAY, DAY, 5))
                .getMessage().contains("delay must be positive"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GreylistSettings(MINUTE, MINUTE.negated(), DAY, 5))
                .getMessage().contains("retry window must be positive"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GreylistSettings(MINUTE, DAY, Duration.ZERO, 5))
                .getMessage().contains("max age must be positive"));
        assertThrows(NullPointerException.class, () -> new GreylistSettings(null, DAY, DAY, 5));
    }

    @Test
    void theDelayMustBeShorterThanTheRetryWindow() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GreylistSettings(DAY, DAY, DAY, 5))
                .getMessage().contains("must be shorter than the retry window"));
    }

    @Test
    void aNetworkNeedsAtLeastOnePassToBeWhitelisted() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GreylistSettings(MINUTE, DAY, DAY, 0))
                .getMessage().contains("auto-whitelist-after must be at least 1"));
        assertEquals(1, new GreylistSettings(MINUTE, DAY, DAY, 1).autoWhitelistAfter());
    }

    @Test
    void aDeferTellsWholeSecondsRoundedUpAndNeverLessThanOne() {
        assertEquals(Duration.ofSeconds(1), new GreylistVerdict.Defer(Duration.ZERO).left());
        assertEquals(Duration.ofSeconds(1), new GreylistVerdict.Defer(Duration.ofSeconds(-5)).left());
        assertEquals(Duration.ofSeconds(3), new GreylistVerdict.Defer(Duration.ofMillis(2001)).left());
        assertEquals(Duration.ofMinutes(5), new GreylistVerdict.Defer(Duration.ofMinutes(5)).left());
    }
}
