package net.smtpfeed.portal.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.ResourceBundle;
import net.smtpfeed.domain.spam.SpamLevel;
import net.smtpfeed.domain.spam.SpamPolicy;
import net.smtpfeed.domain.spam.SpamThresholdBounds;
import net.smtpfeed.domain.spam.SpamThresholdsRefused;
import org.junit.jupiter.api.Test;

class DomainFeedbackTest {

    private static final SpamThresholdBounds BOUNDS = new SpamThresholdBounds(1.0, 50.0);

    private final DomainFeedback feedback = new DomainFeedback(
            ResourceBundle.getBundle("net.smtpfeed.portal.i18n.messages", Locale.ENGLISH), Locale.ENGLISH);

    @Test
    void aSaveSaysHowManySettingsChangedAndWhenTheyApply() {
        assertEquals("Saved customer.example: 1 setting changed, in force from the next message on.",
                feedback.saved("customer.example", 1));
        assertEquals("Saved customer.example: 3 settings changed, in force from the next message on.",
                feedback.saved("customer.example", 3));
    }

    @Test
    void aSaveThatChangedNothingSaysSo() {
        assertEquals("Nothing changed for customer.example: the settings are as they were.",
                feedback.saved("customer.example", 0));
    }

    @Test
    void thresholdsOutsideTheBoundsAreRefusedWithTheBounds() {
        assertEquals("Not saved: each score you change must be between 1.0 and 50.0.", feedback.refused(
                refusal(SpamThresholdsRefused.Reason.OUTSIDE_BOUNDS)));
    }

    @Test
    void thresholdsThatDoNotRiseAreRefusedAsSuch() {
        assertEquals("Not saved: the scores must rise from Low over Med to High.", feedback.refused(
                refusal(SpamThresholdsRefused.Reason.NOT_RISING)));
    }

    @Test
    void anyOtherRuleIsTheSubjectTexts() {
        assertEquals("Not saved: a subject text must be 1 to 40 characters on one line.", feedback.refused(
                new SettingsRefused(assertRefusesText())));
    }

    @Test
    void theHintNamesTheBounds() {
        assertEquals("Scores may be set from 1.0 to 50.0, rising from Low to High.",
                feedback.bounds("domain.thresholds.hint", new SpamThresholdBounds(1.0, 50.0)));
        assertEquals("Scores may be set from 0.5 to 20.25, rising from Low to High.",
                feedback.bounds("domain.thresholds.hint", new SpamThresholdBounds(0.5, 20.25)));
    }

    private static SettingsRefused refusal(SpamThresholdsRefused.Reason reason) {
        return new SettingsRefused(new SpamThresholdsRefused(reason, BOUNDS, 0.5, 5, 10));
    }

    private static IllegalArgumentException assertRefusesText() {
        return assertThrows(IllegalArgumentException.class,
                () -> SpamPolicy.defaults().withSubjectText(SpamLevel.LOW, " "));
    }
}
