package net.smtpfeed.domain.spam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpamPolicyTest {

    private final SpamPolicy defaults = SpamPolicy.defaults();

    @ParameterizedTest(name = "{0} points is {1}")
    @CsvSource({"-2.5, NONE", "0, NONE", "2.9, NONE", "3.0, LOW", "4.99, LOW", "5.0, MED", "9.9, MED", "10.0, HIGH",
            "1000, HIGH"})
    void theDefaultThresholdsAreLowFromThreeMedFromFiveHighFromTen(double points, SpamLevel level) {
        assertEquals(level, defaults.levelOf(points));
    }

    @Test
    void byDefaultLowAndMedGetTheirSubjectTextAndHighIsDeleted() {
        assertEquals(new SpamMark(3.5, SpamLevel.LOW, SpamAction.SUBJECT, "[SPAM: low] "), defaults.mark(score(3.5)));
        assertEquals(new SpamMark(6, SpamLevel.MED, SpamAction.SUBJECT, "[SPAM: med] "), defaults.mark(score(6)));
        assertEquals(SpamAction.DELETE, defaults.mark(score(1000)).action());
    }

    @Test
    void mailBelowLowIsLeftAlone() {
        assertEquals(new SpamMark(1.2, SpamLevel.NONE, SpamAction.NONE, null), defaults.mark(score(1.2)));
    }

    @Test
    void aCustomerMayMoveTheThresholds() {
        SpamPolicy strict = defaults.withThresholds(1.0, 2.0, 4.0);
        assertEquals(SpamLevel.MED, strict.levelOf(3.0));
        assertEquals(SpamLevel.HIGH, strict.levelOf(4.0));
    }

    @Test
    void thresholdsMustRiseFromLowToHigh() {
        assertThrows(IllegalArgumentException.class, () -> defaults.withThresholds(5.0, 5.0, 10.0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withThresholds(6.0, 5.0, 10.0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withThresholds(0.0, 5.0, 10.0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withThresholds(3.0, 5.0, 101.0));
    }

    @Test
    void aCustomerMayChooseTheActionOfALevel() {
        SpamPolicy headersOnly = defaults.withAction(SpamLevel.HIGH, SpamAction.HEADER);
        assertEquals(SpamAction.HEADER, headersOnly.mark(score(50)).action());
        assertEquals(SpamAction.DELETE, defaults.actionFor(SpamLevel.HIGH), "the original is unchanged");
    }

    @Test
    void mailBelowLowHasNoActionToChoose() {
        assertThrows(IllegalArgumentException.class, () -> defaults.withAction(SpamLevel.NONE, SpamAction.DELETE));
    }

    @Test
    void aSubjectTextIsOneShortLine() {
        assertEquals("***SPAM*** ", defaults.withSubjectText(SpamLevel.LOW, "***SPAM*** ").subjectTextFor(SpamLevel.LOW));
        assertThrows(IllegalArgumentException.class, () -> defaults.withSubjectText(SpamLevel.LOW, " "));
        assertThrows(IllegalArgumentException.class, () -> defaults.withSubjectText(SpamLevel.LOW, "[SPAM]\r\nBcc: x@y"));
        assertThrows(IllegalArgumentException.class, () -> defaults.withSubjectText(SpamLevel.LOW, "x".repeat(41)));
    }

    private static SpamScore score(double points) {
        return new SpamScore(points, List.of());
    }
}
