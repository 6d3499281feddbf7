package net.smtpfeed.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import net.smtpfeed.domain.login.LoginThrottle;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The login throttle as configured: smtpfeed.login.* (README, "Configuration"). */
@ApplicationScoped
public class LoginThrottleSettings {

    @Inject
    @ConfigProperty(name = "smtpfeed.login.max-failures-per-account", defaultValue = "5")
    int maxPerAccount;

    @Inject
    @ConfigProperty(name = "smtpfeed.login.max-failures-per-address", defaultValue = "20")
    int maxPerAddress;

    @Inject
    @ConfigProperty(name = "smtpfeed.login.failure-window", defaultValue = "PT15M")
    Duration window;

    @Inject
    @ConfigProperty(name = "smtpfeed.login.first-delay", defaultValue = "PT1M")
    Duration firstDelay;

    @Inject
    @ConfigProperty(name = "smtpfeed.login.max-delay", defaultValue = "PT15M")
    Duration maxDelay;

    /** Dependent, not application scoped: a record cannot be proxied, and it is cheap to make. */
    @Produces
    LoginThrottle throttle() {
        return new LoginThrottle(maxPerAccount, maxPerAddress, window, firstDelay, maxDelay);
    }
}
