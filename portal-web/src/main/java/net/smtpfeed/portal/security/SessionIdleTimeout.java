package net.smtpfeed.portal.security;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Ends a session after smtpfeed.portal.session-idle without a request (ISO-8601, default 30 minutes). Read at each
 * new session rather than once, so that an operator's change (a system property set through the management
 * interface) applies to the next login without a restart.
 */
@WebListener
public class SessionIdleTimeout implements HttpSessionListener {

    static final String KEY = "smtpfeed.portal.session-idle";
    static final Duration DEFAULT = Duration.ofMinutes(30);

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        Duration idle = ConfigProvider.getConfig().getOptionalValue(KEY, Duration.class).orElse(DEFAULT);
        event.getSession().setMaxInactiveInterval(Math.toIntExact(Math.max(1, idle.toSeconds())));
    }
}
