package net.smtpfeed.portal.spam;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import net.smtpfeed.domain.feed.FeedApplication;
import net.smtpfeed.domain.spam.SpamAction;
import net.smtpfeed.domain.spam.SpamLevel;
import net.smtpfeed.domain.spam.SpamPolicy;

/**
 * One row of a form's spam settings (the feed request, a domain's settings): a level's threshold, action and subject
 * text as typed.
 */
public class SpamLevelForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SpamLevel level;
    private Double threshold;
    private SpamAction action;
    private String subjectText;

    /** The rows for Low, Med and High, filled from a policy. */
    public static List<SpamLevelForm> rowsOf(SpamPolicy prefilled) {
        return List.of(new SpamLevelForm(SpamLevel.LOW, prefilled), new SpamLevelForm(SpamLevel.MED, prefilled),
                new SpamLevelForm(SpamLevel.HIGH, prefilled));
    }

    private SpamLevelForm(SpamLevel level, SpamPolicy prefilled) {
        this.level = level;
        this.threshold = prefilled.threshold(level);
        this.action = prefilled.actionFor(level);
        this.subjectText = prefilled.subjectTextFor(level);
    }

    public FeedApplication.LevelChoice choice() {
        return new FeedApplication.LevelChoice(level, threshold == null ? Double.NaN : threshold, action, subjectText);
    }

    public SpamLevel getLevel() {
        return level;
    }

    /** For ids and labels: low, med, high. */
    public String getName() {
        return level.name().toLowerCase(Locale.ROOT);
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
