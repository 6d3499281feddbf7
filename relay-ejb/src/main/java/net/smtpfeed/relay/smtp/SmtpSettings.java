package net.smtpfeed.relay.smtp;

import java.net.InetAddress;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * How the inbound SMTP listener is set up; read from configuration by {@link SmtpListener}.
 *
 * @param tls the key and certificate STARTTLS offers
 */
public record SmtpSettings(InetAddress bindAddress, int port, String hostName, Duration idleTimeout, SmtpLimits limits,
                           SSLContext tls) {
}
