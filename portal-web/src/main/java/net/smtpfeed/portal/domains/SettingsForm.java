package net.smtpfeed.portal.domains;

import java.io.Serializable;
import java.util.List;
import net.smtpfeed.domain.hosting.MailSettings;
import net.smtpfeed.domain.spam.SpamAction;
import net.smtpfeed.domain.spam.SpamLevel;
import net.smtpfeed.domain.spam.SpamPolicy;
import net.smtpfeed.domain.spam.SpamThresholdBounds;

/** What the domain page's form holds: a domain's mail settings as fields a person edits, one row per spam level. */
public class SettingsForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One spam level's row: from which score, what is done, and the subject text. */
    public static class Level implements Serializable {

        private static final long serialVersionUID = 1L;

        private final SpamLevel level;
        private Double threshold;
        private SpamAction action;
        private String subjectText;

        Level(SpamLevel level, SpamPolicy policy) {
            this.level = level;
            this.threshold = policy.threshold(level);
            this.action = policy.actionFor(level);
            this.subjectText = policy.subjectTextFor(level);
        }

        public SpamLevel getLevel() {
            return level;
        }

        public Double getThreshold() {
            return threshold;
        }

        public void setThreshold(Double threshold) {
            this.threshold = threshold;
        }

        public SpamAction getAction() {
            return action;
        }

        public void setAction(SpamAction action) {
            this.action = action;
        }

        public String getSubjectText() {
            return subjectText;
        }

        public void setSubjectText(String subjectText) {
            this.subjectText = subjectText;
        }
    }

    private boolean greylisting;
    private boolean spamChecking;
    private final List<Level> levels;

    private SettingsForm(MailSettings settings) {
        greylisting = settings.greylisting();
        spamChecking = settings.spamChecking();
        levels = List.of(new Level(SpamLevel.LOW, settings.spamPolicy()), new Level(SpamLevel.MED, settings.spamPolicy()),
                new Level(SpamLevel.HIGH, settings.spamPolicy()));
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
        for (Level row : levels) {
            policy = policy.withAction(row.level, row.action).withSubjectText(row.level, row.subjectText);
        }
        return new MailSettings(greylisting, spamChecking, policy);
    }

    /** The level's threshold; the page requires one for each level, so a form without one never gets here. */
    private double threshold(SpamLevel level) {
        return levels.stream().filter(row -> row.level == level).findFirst().orElseThrow().threshold;
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

    public List<Level> getLevels() {
        return levels;
    }
}
