package net.smtpfeed.domain.spam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpamMarkTest {

    private final SpamMark low = new SpamMark(3.46, SpamLevel.LOW, SpamAction.SUBJECT, "[SPAM: low] ");

    @Test
    void theSubjectGetsTheLevelsTextInFront() {
        assertEquals(Optional.of("[SPAM: low] Cheap watches"), low.subjectFor("Cheap watches"));
    }

    @Test
    void aSubjectThatAlreadyCarriesTheTextIsNotTaggedTwice() {
        assertEquals(Optional.of("[SPAM: low] Cheap watches"), low.subjectFor("[SPAM: low] Cheap watches"));
    }

    @Test
    void aMessageWithoutSubjectGetsTheTextAlone() {
        assertEquals(Optional.of("[SPAM: low]"), low.subjectFor(null));
    }

    @Test
    void onlyTheSubjectActionTouchesTheSubject() {
        assertEquals(Optional.empty(), new SpamMark(3.5, SpamLevel.LOW, SpamAction.HEADER, null).subjectFor("Hello"));
    }

    @Test
    void theScoreIsShownWithOneDecimalAndAPoint() {
        assertEquals("3.5", low.scoreText());
        assertEquals("-0.1", new SpamMark(-0.12, SpamLevel.NONE, SpamAction.NONE, null).scoreText());
    }

    @Test
    void subjectTextAndHeadersGoTogetherButHeadersMayGoAlone() {
        assertTrue(low.addsHeaders());
        assertTrue(new SpamMark(3.5, SpamLevel.LOW, SpamAction.HEADER, null).addsHeaders());
        assertFalse(new SpamMark(3.5, SpamLevel.LOW, SpamAction.NONE, null).addsHeaders());
    }

    @Test
    void onlyDeleteQuarantines() {
        assertTrue(new SpamMark(12, SpamLevel.HIGH, SpamAction.DELETE, null).quarantines());
        assertFalse(low.quarantines());
    }

    @Test
    void aReleasedCopyKeepsItsScoreAndGetsOnlyTheHeaders() {
        SpamMark released = new SpamMark(12, SpamLevel.HIGH, SpamAction.DELETE, null).released();
        assertEquals(new SpamMark(12, SpamLevel.HIGH, SpamAction.HEADER, null), released);
        assertFalse(released.quarantines());
    }

    @Test
    void mailBelowLowIsNeverActedOnWhateverTheAction() {
        assertEquals(SpamAction.NONE, new SpamMark(1, SpamLevel.NONE, SpamAction.DELETE, null).action());
    }
}
