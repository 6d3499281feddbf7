package net.smtpfeed.relay.smtp;

import java.util.Optional;
import net.smtpfeed.domain.spam.SpamPolicy;

/**
 * A hosted domain that takes mail, as the accept path needs it, read once at RCPT TO: which one, whether it greylists,
 * and its spam policy when it checks spam.
 */
public record AcceptingDomain(long id, String name, boolean greylisting, Optional<SpamPolicy> spamPolicy) {
}
