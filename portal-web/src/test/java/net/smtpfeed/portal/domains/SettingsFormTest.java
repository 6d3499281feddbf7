package net.smtpfeed.portal.domains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import net.smtpfeed.domain.hosting.MailSettings;
import net.smtpfeed.domain.spam.SpamAction;
import net.smtpfeed.domain.spam.SpamLevel;
import net.smtpfeed.domain.spam.SpamPolicy;
import net.smtpfeed.domain.spam.SpamThresholdBounds;
import net.smtpfeed.domain.spam.SpamThresholdsRefused;
import net.smtpfeed.portal.spam.SpamLevelForm;
import org.junit.jupiter.api.Test;

class SettingsFormTest {

    private static final SpamThresholdBounds BOUNDS = new SpamThresholdBounds(1.0, 50.0);
    private static final MailSettings CURRENT = new MailSettings(true, false, SpamPolicy.defaults());

    @Test
    void theFormShowsTheSettingsAsTheyAreOneRowPerLevel() {
        SettingsForm form = SettingsForm.of(CURRENT);

        assertEquals(List.of(SpamLevel.LOW, SpamLevel.MED, SpamLevel.HIGH),
                form.getLevels().stream().map(SpamLevelForm::getLevel).toList());
        assertEquals(5.0, row(form, SpamLevel.MED).getThreshold());
        assertEquals(SpamAction.DELETE, row(form, SpamLevel.HIGH).getAction());
        assertEquals("[SPAM: low] ", row(form, SpamLevel.LOW).getSubjectText());
        assertEquals(CURRENT, form.toSettings(CURRENT, BOUNDS), "an untouched form asks for the settings as they are");
    }

    @Test
    void theEditedFormAsksForTheSettingsItHolds() {
        SettingsForm form = SettingsForm.of(CURRENT);
        form.setGreylisting(false);
        form.setSpamChecking(true);
        row(form, SpamLevel.MED).setAction(SpamAction.DELETE);
        row(form, SpamLevel.LOW).setThreshold(2.5);
        row(form, SpamLevel.LOW).setSubjectText("(spam?) ");

        MailSettings wanted = form.toSettings(CURRENT, BOUNDS);

        assertEquals(new MailSettings(false, true, SpamPolicy.defaults().withThresholds(2.5, 5.0, 10.0)
                .withAction(SpamLevel.MED, SpamAction.DELETE).withSubjectText(SpamLevel.LOW, "(spam?) ")), wanted);
    }

    @Test
    void thresholdsAreHeldToTheBoundsStaffSet() {
        SettingsForm form = SettingsForm.of(CURRENT);
        row(form, SpamLevel.HIGH).setThreshold(80.0);

        SpamThresholdsRefused refused = assertThrows(SpamThresholdsRefused.class, () -> form.toSettings(CURRENT, BOUNDS));
        assertEquals(SpamThresholdsRefused.Reason.OUTSIDE_BOUNDS, refused.getReason());
    }

    private static SpamLevelForm row(SettingsForm form, SpamLevel level) {
        return form.getLevels().stream().filter(row -> row.getLevel() == level).findFirst().orElseThrow();
    }
}
