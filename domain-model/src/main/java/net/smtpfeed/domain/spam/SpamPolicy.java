package net.smtpfeed.domain.spam;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/**
 * A domain's spam settings: the score from which a message is Low, Med and High, and per level the action and the
 * subject text. The product's defaults: Low from 3.0 and Med from 5.0 get their subject text, High from 10.0 is
 * deleted (into quarantine).
 */
@Embeddable
public class SpamPolicy {

    public static final double DEFAULT_LOW = 3.0;
    public static final double DEFAULT_MED = 5.0;
    public static final double DEFAULT_HIGH = 10.0;
    /** Thresholds are points on SpamAssassin's scale, where anything above this is as spammy as it gets. */
    public static final double MAX_THRESHOLD = 100.0;
    public static final int MAX_SUBJECT_TEXT_LENGTH = 40;

    @Column(name = "spam_low_threshold")
    private double lowThreshold;

    @Column(name = "spam_med_threshold")
    private double medThreshold;

    @Column(name = "spam_high_threshold")
    private double highThreshold;

    @Enumerated(EnumType.STRING)
    @Column(name = "spam_low_action")
    private SpamAction lowAction;

    @Enumerated(EnumType.STRING)
    @Column(name = "spam_med_action")
    private SpamAction medAction;

    @Enumerated(EnumType.STRING)
    @Column(name = "spam_high_action")
    private SpamAction highAction;

    @Column(name = "spam_low_text")
    private String lowText;

    @Column(name = "spam_med_text")
    private String medText;

    @Column(name = "spam_high_text")
    private String highText;

    protected SpamPolicy() {
    }

    private SpamPolicy(SpamPolicy other) {
        lowThreshold = other.lowThreshold;
        medThreshold = other.medThreshold;
        highThreshold = other.highThreshold;
        lowAction = other.lowAction;
        medAction = other.medAction;
        highAction = other.highAction;
        lowText = other.lowText;
        medText = other.medText;
        highText = other.highText;
    }

    public static SpamPolicy defaults() {
        SpamPolicy policy = new SpamPolicy();
        policy.lowThreshold = DEFAULT_LOW;
        policy.medThreshold = DEFAULT_MED;
        policy.highThreshold = DEFAULT_HIGH;
        policy.lowAction = SpamAction.SUBJECT;
        policy.medAction = SpamAction.SUBJECT;
        policy.highAction = SpamAction.DELETE;
        policy.lowText = "[SPAM: low] ";
        policy.medText = "[SPAM: med] ";
        policy.highText = "[SPAM: high] ";
        return policy;
    }

    /** The level of a score: the highest whose threshold it reaches. */
    public SpamLevel levelOf(double points) {
        if (points >= highThreshold) {
            return SpamLevel.HIGH;
        }
        if (points >= medThreshold) {
            return SpamLevel.MED;
        }
        return points >= lowThreshold ? SpamLevel.LOW : SpamLevel.NONE;
    }

    /** What this domain's copy of a message with that score gets. */
    public SpamMark mark(SpamScore score) {
        SpamLevel level = levelOf(score.points());
        return new SpamMark(score.points(), level, actionFor(level), subjectTextFor(level));
    }

    public double threshold(SpamLevel level) {
        return switch (level) {
            case NONE -> Double.NEGATIVE_INFINITY;
            case LOW -> lowThreshold;
            case MED -> medThreshold;
            case HIGH -> highThreshold;
        };
    }

    public SpamAction actionFor(SpamLevel level) {
        return switch (level) {
            case NONE -> SpamAction.NONE;
            case LOW -> lowAction;
            case MED -> medAction;
            case HIGH -> highAction;
        };
    }

    public String subjectTextFor(SpamLevel level) {
        return switch (level) {
            case NONE -> "";
            case LOW -> lowText;
            case MED -> medText;
            case HIGH -> highText;
        };
    }

    /**
     * The same policy with other thresholds; they must rise from Low to High, above zero and at most
     * {@value #MAX_THRESHOLD}.
     */
    public SpamPolicy withThresholds(double low, double med, double high) {
        if (!(low > 0 && low < med && med < high && high <= MAX_THRESHOLD)) {
            throw new IllegalArgumentException("spam thresholds must rise from Low to High between 0 and "
                    + MAX_THRESHOLD + ", not low " + low + ", med " + med + ", high " + high);
        }
        SpamPolicy changed = new SpamPolicy(this);
        changed.lowThreshold = low;
        changed.medThreshold = med;
        changed.highThreshold = high;
        return changed;
    }

    /** The same policy with another action for a level (not NONE, whose action is always none). */
    public SpamPolicy withAction(SpamLevel level, SpamAction action) {
        Objects.requireNonNull(action, "action");
        SpamPolicy changed = new SpamPolicy(this);
        switch (level) {
            case LOW -> changed.lowAction = action;
            case MED -> changed.medAction = action;
            case HIGH -> changed.highAction = action;
            case NONE -> throw new IllegalArgumentException("mail below the Low threshold is never acted on");
        }
        return changed;
    }

    /**
     * The same policy with another subject text for a level: printable, on one line, at most
     * {@value #MAX_SUBJECT_TEXT_LENGTH} characters, and not blank.
     */
    public SpamPolicy withSubjectText(SpamLevel level, String text) {
        if (text == null || text.isBlank() || text.length() > MAX_SUBJECT_TEXT_LENGTH
                || text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a subject text must be 1 to " + MAX_SUBJECT_TEXT_LENGTH
                    + " printable characters on one line, not '" + text + "'");
        }
        SpamPolicy changed = new SpamPolicy(this);
        switch (level) {
            case LOW -> changed.lowText = text;
            case MED -> changed.medText = text;
            case HIGH -> changed.highText = text;
            case NONE -> throw new IllegalArgumentException("mail below the Low threshold is never tagged");
        }
        return changed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpamPolicy that && lowThreshold == that.lowThreshold && medThreshold == that.medThreshold
                && highThreshold == that.highThreshold && lowAction == that.lowAction && medAction == that.medAction
                && highAction == that.highAction && Objects.equals(lowText, that.lowText)
                && Objects.equals(medText, that.medText) && Objects.equals(highText, that.highText);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lowThreshold, medThreshold, highThreshold, lowAction, medAction, highAction, lowText, medText,
                highText);
    }
}
