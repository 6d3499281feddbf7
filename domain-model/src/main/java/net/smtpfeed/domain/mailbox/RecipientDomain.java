package net.smtpfeed.domain.mailbox;

import java.time.Duration;
import java.util.Optional;
import net.smtpfeed.domain.hosting.DeliveryTarget;
import net.smtpfeed.domain.hosting.DomainStatus;
import net.smtpfeed.domain.spam.SpamPolicy;

/**
 * What the relay needs to know at RCPT TO of a recipient's hosted domain, and whether the address has a mailbox to go
 * to (its own or the domain's catch-all), which only a domain in mailbox mode can have.
 *
 * @param spamPolicy the domain's spam settings when it checks spam, none when it does not
 */
public record RecipientDomain(long id, String name, DomainStatus status, boolean greylisting,
                              Optional<SpamPolicy> spamPolicy, Duration queueLifetime, DeliveryTarget target,
                              boolean mailboxFound) {

    public boolean acceptsMail() {
        return status.acceptsMail();
    }

    public boolean isInMailboxMode() {
        return target.mailboxMode();
    }
}
