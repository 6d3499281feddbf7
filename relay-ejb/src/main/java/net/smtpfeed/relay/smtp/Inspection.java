package net.smtpfeed.relay.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.smtpfeed.domain.spam.SpamScore;

/**
 * What the filters concluded about a message they let through: the lines of its timeline, and its spam score when one
 * of the recipients' domains wanted it scored and the engine gave one.
 */
public record Inspection(List<Finding> findings, Optional<SpamScore> spamScore) {

    public Inspection {
        findings = List.copyOf(findings);
        Objects.requireNonNull(spamScore, "spamScore");
    }

    public static Inspection of(List<Finding> findings) {
        return new Inspection(findings, Optional.empty());
    }

    /** This inspection followed by a later one: findings in order, the later score where it has one. */
    public Inspection then(Inspection later) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(later.findings);
        return new Inspection(all, later.spamScore.or(() -> spamScore));
    }
}
