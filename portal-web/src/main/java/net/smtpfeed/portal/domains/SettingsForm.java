package net.smtpfeed.portal.domains;

import java.io.Serializable;
import java.util.List;
import net.smtpfeed.domain.hosting.MailSettings;
import net.smtpfeed.domain.spam.SpamLevel;
import net.smtpfeed.domain.spam.SpamPolicy;
import net.smtpfeed.domain.spam.SpamThresholdBounds;
import net.smtpfeed.portal.spam.SpamLevelForm;

/** What the domain page's form holds: a domain's mail settings as fields a person edits, one row per spam level. */
public class SettingsForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private boolean greylisting;
    private boolean spamChecking;
    private final List<SpamLevelForm> levels;

    private SettingsForm(MailSettings settings) {
        greylisting = settings.greylisting();
        spamChecking = settings.spamChecking();
        levels = SpamLevelForm.rowsOf(settings.spamPolicy());
    }

    public static SettingsForm of(MailSettings settings) {
        return new SettingsForm(settings);
    }

    /**
     * The settings the form asks for, by the domain model's rules: thresholds within the bounds (see
     * {@link SpamThresholdBounds#withThresholds}), rising, and valid subject texts.
     *
     * @param current the domain's settings as they are now, which the thresholds are compared with
     * @throws IllegalArgumentException (a {@link net.smtpfeed.domain.spam.SpamThresholdsRefused} for thresholds) when
     *         a rule refuses them
     */
    public MailSettings toSettings(MailSettings current, SpamThresholdBounds bounds) {
        SpamPolicy policy = bounds.withThresholds(current.spamPolicy(), threshold(SpamLevel.LOW), threshold(SpamLevel.MED),
                threshold(SpamLevel.HIGH));
        for (SpamLevelForm row : levels) {
            policy = policy.withAction(row.getLevel(), row.getAction()).withSubjectText(row.getLevel(), row.getSubjectText());
        }
        return new MailSettings(greylisting, spamChecking, policy);
    }

    /** The level's threshold; the page requires one for each level, so a form without one never gets here. */
    private double threshold(SpamLevel level) {
        return levels.stream().filter(row -> row.getLevel() == level).findFirst().orElseThrow().getThreshold();
    }

    public boolean isGreylisting() {
        return greylisting;
    }

    public void setGreylisting(boolean greylisting) {
        this.greylisting = greylisting;
    }

    public boolean isSpamChecking() {
        return spamChecking;
    }

    public void setSpamChecking(boolean spamChecking) {
        this.spamChecking = spamChecking;
    }

    public List<SpamLevelForm> getLevels() {
        return levels;
    }
}
