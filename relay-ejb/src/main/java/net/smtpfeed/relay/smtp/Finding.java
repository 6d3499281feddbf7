package net.smtpfeed.relay.smtp;

import java.time.Instant;
import net.smtpfeed.domain.mail.Stage;

/** What one filter found about an accepted message, kept as a line of its timeline. */
public record Finding(Instant at, Stage stage, String outcome, String detail) {
}
