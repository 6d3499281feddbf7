package net.smtpfeed.relay.delivery;

import java.time.Duration;

/**
 * How long delivery waits at each stage of an SMTP conversation, after Postfix's smtp_*_timeout settings.
 *
 * @param connect      smtp_connect_timeout: the TCP connection
 * @param helo         smtp_helo_timeout: the greeting, EHLO and STARTTLS replies (and QUIT's, not waited for)
 * @param mailRcpt     smtp_mail_timeout and smtp_rcpt_timeout: the replies to MAIL FROM and to each RCPT TO
 * @param dataInit     smtp_data_init_timeout: the reply to DATA
 * @param dataTransfer smtp_data_xfer_timeout: each write while sending the message (a write, not a reply, timeout)
 * @param dataDone     smtp_data_done_timeout: the reply to the final dot, which may come after the server's own scanning
 */
public record SmtpTimeouts(Duration connect, Duration helo, Duration mailRcpt, Duration dataInit, Duration dataTransfer,
                           Duration dataDone) {

    public static final SmtpTimeouts POSTFIX_DEFAULTS = new SmtpTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(300),
            Duration.ofSeconds(300), Duration.ofSeconds(120), Duration.ofSeconds(180), Duration.ofSeconds(600));
}
