package net.smtpfeed.domain.hosting;

import java.time.Duration;

/** Staff asked for a queue lifetime past the maximum; nothing was changed. Carries what a page needs to say so. */
public class QueueLifetimeTooLong extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String domain;
    private final Duration current;
    private final Duration maximum;

    public QueueLifetimeTooLong(String domain, Duration current, Duration extra, Duration maximum) {
        super("the queue lifetime of " + domain + " is " + current + "; extending it by " + extra
                + " would pass the maximum of " + maximum);
        this.domain = domain;
        this.current = current;
        this.maximum = maximum;
    }

    public String getDomain() {
        return domain;
    }

    public Duration getCurrent() {
        return current;
    }

    public Duration getMaximum() {
        return maximum;
    }
}
