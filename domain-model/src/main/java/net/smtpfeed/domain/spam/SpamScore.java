package net.smtpfeed.domain.spam;

import java.util.List;
import java.util.Objects;

/**
 * A spam engine's opinion of one message: points on SpamAssassin's scale (5 is its usual "spam" line, GTUBE scores
 * 1000) and the names of the rules that fired, for the message's timeline.
 */
public record SpamScore(double points, List<String> rules) {

    public SpamScore {
        if (Double.isNaN(points) || Double.isInfinite(points)) {
            throw new IllegalArgumentException("a spam score must be a finite number, not " + points);
        }
        rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
    }
}
