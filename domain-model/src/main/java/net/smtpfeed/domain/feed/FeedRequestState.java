package net.smtpfeed.domain.feed;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a customer's request for an SMTP feed, and which moves staff may make. A feed is approved only from
 * IN_TEST, which a connection test to the customer's server starts: nobody switches on a feed nobody tried.
 */
public enum FeedRequestState {
    SUBMITTED,
    IN_TEST,
    APPROVED,
    REJECTED;

    /** Still waiting for staff. */
    public boolean isOpen() {
        return !isFinal();
    }

    /** The states of requests still waiting for staff. */
    public static Set<FeedRequestState> open() {
        Set<FeedRequestState> open = EnumSet.noneOf(FeedRequestState.class);
        for (FeedRequestState state : values()) {
            if (state.isOpen()) {
                open.add(state);
            }
        }
        return open;
    }

    public boolean mayMoveTo(FeedRequestState next) {
        return successors().contains(next);
    }

    public boolean isFinal() {
        return successors().isEmpty();
    }

    private Set<FeedRequestState> successors() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(IN_TEST, REJECTED);
            case IN_TEST -> EnumSet.of(APPROVED, REJECTED);
            case APPROVED, REJECTED -> EnumSet.noneOf(FeedRequestState.class);
        };
    }
}
