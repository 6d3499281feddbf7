package net.smtpfeed.relay.smtp;

import java.time.Instant;
import net.smtpfeed.domain.mail.Stage;

/**
 * What one filter found about an accepted message, kept as a line of its timeline: about the whole message, or about
 * the copy of one recipient domain (by its id).
 */
public record Finding(Instant at, Stage stage, String outcome, String detail, Long domainId) {

    /** A finding about the whole message. */
    public Finding(Instant at, Stage stage, String outcome, String detail) {
        this(at, stage, outcome, detail, null);
    }
}
