package net.smtpfeed.relay.smtp;

import java.net.InetAddress;
import java.time.Duration;

/** How the inbound SMTP listener is set up; read from configuration by {@link SmtpListener}. */
public record SmtpSettings(InetAddress bindAddress, int port, String hostName, long maxMessageBytes, int maxConnections,
                           Duration idleTimeout) {
}
