package net.smtpfeed.portal.staff;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;
import net.smtpfeed.domain.hosting.QueueLifetimeTooLong;
import net.smtpfeed.domain.mail.DomainQueue;

/** What staff are told after an action on a domain's queue (the Queue and Domains pages), in the portal's language. */
public final class QueueFeedback {

    private static final double SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

    private final ResourceBundle labels;
    private final Locale locale;

    public QueueFeedback(ResourceBundle labels, Locale locale) {
        this.labels = labels;
        this.locale = locale;
    }

    public String retried(DomainQueue.RetryNow retry) {
        return retry.destination() == null
                ? format("queue.retried.noDestination", retry.domain(), retry.deliveriesDue())
                : format("queue.retried", retry.domain(), retry.deliveriesDue(), retry.destination().toString());
    }

    public String extended(DomainQueue.LifetimeExtended extension) {
        return format("queue.extended", extension.domain(), days(extension.queueLifetime()), extension.deliveriesExtended());
    }

    public String refused(QueueLifetimeTooLong refusal) {
        return format("queue.tooLong", refusal.getDomain(), days(refusal.getCurrent()), days(refusal.getMaximum()));
    }

    /** A queue lifetime in days, with a fraction where it is not a whole number of days. */
    public static double days(Duration lifetime) {
        return lifetime.toSeconds() / SECONDS_PER_DAY;
    }

    private String format(String key, Object... arguments) {
        return new MessageFormat(labels.getString(key), locale).format(arguments);
    }
}
