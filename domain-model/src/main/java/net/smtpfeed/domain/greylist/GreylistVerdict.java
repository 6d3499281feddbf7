package net.smtpfeed.domain.greylist;

import java.time.Duration;
import java.util.Objects;

/** What greylisting says of one recipient at RCPT TO: go on, or come back later. */
public sealed interface GreylistVerdict permits GreylistVerdict.Pass, GreylistVerdict.Defer {

    /** @param why for the message's events, e.g. "retried after 312 s" */
    record Pass(String why) implements GreylistVerdict {
        public Pass {
            Objects.requireNonNull(why, "why");
        }
    }

    /**
     * @param left how long until a retry would pass, for the 451 reply; rounded up to whole seconds and at least 1 s,
     *        so that a client told "retry in N s" that waits N s is not deferred again
     */
    record Defer(Duration left) implements GreylistVerdict {
        public Defer {
            Objects.requireNonNull(left, "left");
            long seconds = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
            left = Duration.ofSeconds(Math.max(1, seconds));
        }
    }
}
