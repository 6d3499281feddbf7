package net.smtpfeed.domain.spam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpamThresholdBoundsTest {

    private final SpamThresholdBounds bounds = new SpamThresholdBounds(1.0, 50.0);
    private final SpamPolicy defaults = SpamPolicy.defaults();

    @Test
    void thresholdsWithinTheBoundsAreTaken() {
        SpamPolicy changed = bounds.withThresholds(defaults, 2.0, 4.5, 8.0);
        assertEquals(2.0, changed.threshold(SpamLevel.LOW));
        assertEquals(4.5, changed.threshold(SpamLevel.MED));
        assertEquals(8.0, changed.threshold(SpamLevel.HIGH));
    }

    @Test
    void theBoundsThemselvesAreWithin() {
        SpamPolicy widest = bounds.withThresholds(defaults, 1.0, 25.0, 50.0);
        assertEquals(1.0, widest.threshold(SpamLevel.LOW));
        assertEquals(50.0, widest.threshold(SpamLevel.HIGH));
    }

    @ParameterizedTest(name = "low {0}, med {1}, high {2}")
    @CsvSource({"0.5, 5.0, 10.0", "3.0, 5.0, 50.5", "3.0, 60.0, 70.0", "-1.0, 5.0, 10.0", "NaN, 5.0, 10.0"})
    void aChangedThresholdOutsideTheBoundsIsRefused(double low, double med, double high) {
        SpamThresholdsRefused refused = assertThrows(SpamThresholdsRefused.class,
                () -> bounds.withThresholds(defaults, low, med, high));
        assertEquals(SpamThresholdsRefused.Reason.OUTSIDE_BOUNDS, refused.getReason());
        assertEquals(bounds, refused.getBounds());
    }

    @Test
    void aThresholdLeftAsItWasMayStayOutsideBoundsThatStaffNarrowedSince() {
        SpamThresholdBounds narrowed = new SpamThresholdBounds(4.0, 50.0);
        SpamPolicy changed = narrowed.withThresholds(defaults, SpamPolicy.DEFAULT_LOW, 6.0, 12.0);
        assertEquals(SpamPolicy.DEFAULT_LOW, changed.threshold(SpamLevel.LOW));
        assertEquals(6.0, changed.threshold(SpamLevel.MED));
    }

    @ParameterizedTest(name = "low {0}, med {1}, high {2}")
    @CsvSource({"5.0, 5.0, 10.0", "6.0, 5.0, 10.0", "3.0, 12.0, 10.0"})
    void thresholdsThatDoNotRiseFromLowToHighAreRefused(double low, double med, double high) {
        SpamThresholdsRefused refused = assertThrows(SpamThresholdsRefused.class,
                () -> bounds.withThresholds(defaults, low, med, high));
        assertEquals(SpamThresholdsRefused.Reason.NOT_RISING, refused.getReason());
    }

    @Test
    void aRefusalLeavesThePolicyAsItWas() {
        assertThrows(SpamThresholdsRefused.class, () -> bounds.withThresholds(defaults, 0.5, 5.0, 10.0));
        assertEquals(SpamPolicy.defaults(), defaults);
    }

    @ParameterizedTest(name = "min {0}, max {1}")
    @CsvSource({"0.0, 50.0", "-1.0, 50.0", "10.0, 10.0", "20.0, 10.0", "1.0, 101.0"})
    void staffCannotSetBoundsThatMakeNoSense(double min, double max) {
        assertThrows(IllegalArgumentException.class, () -> new SpamThresholdBounds(min, max));
    }
}
