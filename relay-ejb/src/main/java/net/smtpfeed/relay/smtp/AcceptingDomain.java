package net.smtpfeed.relay.smtp;

import java.time.Duration;
import java.util.Optional;
import net.smtpfeed.domain.hosting.DeliveryTarget;
import net.smtpfeed.domain.spam.SpamPolicy;

/**
 * A hosted domain that takes mail, as the accept path needs it, read once at RCPT TO: which one, whether it greylists,
 * its spam policy when it checks spam, how long its queue keeps a copy, and where its copies go. The intake writes
 * the copies from this, without loading the domain again.
 */
public record AcceptingDomain(long id, String name, boolean greylisting, Optional<SpamPolicy> spamPolicy,
                              Duration queueLifetime, DeliveryTarget target) {
}
