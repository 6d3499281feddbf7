package net.smtpfeed.relay.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import net.smtpfeed.domain.mail.RetrySchedule;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The queue's one retry schedule, from configuration: for deferred deliveries and for destinations that are down. */
@ApplicationScoped
public class RetrySettings {

    @Inject
    @ConfigProperty(name = "smtpfeed.queue.retry-first", defaultValue = "PT1M")
    Duration firstRetry;

    @Inject
    @ConfigProperty(name = "smtpfeed.queue.retry-max", defaultValue = "PT5M")
    Duration maximumRetry;

    @Produces
    RetrySchedule schedule() {
        return new RetrySchedule(firstRetry, maximumRetry);
    }
}
