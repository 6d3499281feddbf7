package net.smtpfeed.relay.pop3;

import java.net.InetAddress;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * How the POP3 server is set up; read from configuration by {@link Pop3Listener}.
 *
 * @param idleTimeout             RFC 1939's autologout timer: an idle session is closed, its deletions not applied
 * @param maxConnections          sessions at once; past it a new connection gets -ERR [SYS/TEMP] and is closed
 * @param maxConnectionsPerClient sessions at once from one client address, likewise
 * @param tls                     the key and certificate STLS offers (the SMTP listener's)
 * @param plaintextLogin          where USER and PASS may be sent before STLS
 */
public record Pop3Settings(InetAddress bindAddress, int port, String hostName, Duration idleTimeout, int maxConnections,
                           int maxConnectionsPerClient, SSLContext tls, PlaintextLogin plaintextLogin) {
}
