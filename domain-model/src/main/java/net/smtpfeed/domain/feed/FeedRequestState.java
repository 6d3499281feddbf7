package net.smtpfeed.domain.feed;

import java.util.EnumSet;
import java.util.Set;

/** The life of a customer's request for an SMTP feed, and which moves staff may make. */
public enum FeedRequestState {
    SUBMITTED,
    IN_TEST,
    APPROVED,
    REJECTED;

    public boolean mayMoveTo(FeedRequestState next) {
        return successors().contains(next);
    }

    public boolean isFinal() {
        return successors().isEmpty();
    }

    private Set<FeedRequestState> successors() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(IN_TEST, APPROVED, REJECTED);
            case IN_TEST -> EnumSet.of(APPROVED, REJECTED);
            case APPROVED, REJECTED -> EnumSet.noneOf(FeedRequestState.class);
        };
    }
}
