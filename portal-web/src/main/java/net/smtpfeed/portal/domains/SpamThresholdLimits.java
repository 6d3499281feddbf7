package net.smtpfeed.portal.domains;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import net.smtpfeed.domain.spam.SpamThresholdBounds;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The bounds staff set for customers' spam thresholds (README, configuration). */
@ApplicationScoped
public class SpamThresholdLimits {

    @Inject
    @ConfigProperty(name = "smtpfeed.spam.threshold-min", defaultValue = "1.0")
    double min;

    @Inject
    @ConfigProperty(name = "smtpfeed.spam.threshold-max", defaultValue = "50.0")
    double max;

    public SpamThresholdBounds bounds() {
        return new SpamThresholdBounds(min, max);
    }
}
