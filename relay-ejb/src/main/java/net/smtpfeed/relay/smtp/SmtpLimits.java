package net.smtpfeed.relay.smtp;

/**
 * What one client may ask of the listener before it is refused, each with Postfix's reply and, where Postfix has
 * one, its default.
 *
 * @param maxMessageBytes         advertised as SIZE; larger gets 552 at MAIL FROM when declared, else at the end of DATA
 * @param maxRecipients           per message; past it RCPT gets 452 (Postfix smtpd_recipient_limit)
 * @param maxConnections          in total; past it the greeting is 421
 * @param maxConnectionsPerClient per client IP address; past it the greeting is 421 (Postfix smtpd_client_connection_count_limit)
 * @param maxErrors               refused commands per session before 421 and close (Postfix smtpd_hard_error_limit)
 * @param maxHops                 Received headers a message may carry; more gets 554 (Postfix hopcount_limit)
 */
public record SmtpLimits(long maxMessageBytes, int maxRecipients, int maxConnections, int maxConnectionsPerClient,
                         int maxErrors, int maxHops) {
}
