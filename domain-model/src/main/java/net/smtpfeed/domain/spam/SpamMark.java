package net.smtpfeed.domain.spam;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What spam checking decided for one domain's copy of a message when it was accepted: the score, the level by that
 * domain's thresholds, and the action its customer chose for the level. Delivery applies it to the copy it sends, so
 * that a retry starts from the original and never tags twice.
 */
@Embeddable
public class SpamMark {

    @Column(name = "spam_score")
    private Double score;

    @Enumerated(EnumType.STRING)
    @Column(name = "spam_level")
    private SpamLevel level;

    @Enumerated(EnumType.STRING)
    @Column(name = "spam_action")
    private SpamAction action;

    @Column(name = "spam_subject_text")
    private String subjectText;

    protected SpamMark() {
    }

    public SpamMark(double score, SpamLevel level, SpamAction action, String subjectText) {
        this.score = score;
        this.level = Objects.requireNonNull(level, "level");
        this.action = level == SpamLevel.NONE ? SpamAction.NONE : Objects.requireNonNull(action, "action");
        this.subjectText = this.action == SpamAction.SUBJECT ? Objects.requireNonNull(subjectText, "subjectText") : null;
    }

    public double score() {
        return score;
    }

    public SpamLevel level() {
        return level;
    }

    public SpamAction action() {
        return action;
    }

    /** The text put before the subject when the action is to mark the subject; null for any other action. */
    public String subjectText() {
        return subjectText;
    }

    /** Whether the copy is kept from delivery and goes to quarantine instead. */
    public boolean quarantines() {
        return action == SpamAction.DELETE;
    }

    /** Whether the delivered copy carries X-Spam-Flag, X-Spam-Level and X-Spam-Score. */
    public boolean addsHeaders() {
        return action == SpamAction.HEADER || action == SpamAction.SUBJECT;
    }

    /** The score as the X-Spam-Score header gives it: one decimal, a point as separator. */
    public String scoreText() {
        return String.format(Locale.ROOT, "%.1f", score);
    }

    /**
     * The subject the delivered copy gets: the level's text before the original subject, unless it is there already
     * (a message that came back through the relay, or a sender who put it there), so that it is never there twice.
     */
    public Optional<String> subjectFor(String originalSubject) {
        if (action != SpamAction.SUBJECT) {
            return Optional.empty();
        }
        String subject = originalSubject == null ? "" : originalSubject;
        if (subject.startsWith(subjectText) || subject.startsWith(subjectText.strip())) {
            return Optional.of(subject);
        }
        return Optional.of(subject.isEmpty() ? subjectText.strip() : subjectText + subject);
    }

    /**
     * A copy a person released from quarantine is delivered as the false positive it probably is: with the headers
     * that tell the customer's own filters its score, but not deleted again and not tagged in its subject.
     */
    public SpamMark released() {
        return new SpamMark(score, level, SpamAction.HEADER, null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpamMark that && Objects.equals(score, that.score) && level == that.level
                && action == that.action && Objects.equals(subjectText, that.subjectText);
    }

    @Override
    public int hashCode() {
        return Objects.hash(score, level, action, subjectText);
    }

    @Override
    public String toString() {
        return level.label() + " (" + scoreText() + "): " + action + (subjectText == null ? "" : " '" + subjectText + "'");
    }
}
