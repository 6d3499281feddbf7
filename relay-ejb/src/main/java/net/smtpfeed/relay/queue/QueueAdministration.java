package net.smtpfeed.relay.queue;

import jakarta.ejb.Local;
import java.time.Duration;
import net.smtpfeed.domain.hosting.QueueLifetimeTooLong;
import net.smtpfeed.domain.mail.DomainQueue;

/**
 * What staff may do to a hosted domain's waiting mail. The portal's only way into the relay's queue: this interface
 * is the relay's client jar (relay-ejb, type ejb-client), so that the portal compiles against nothing else of it.
 */
@Local
public interface QueueAdministration {

    /**
     * Makes the domain's queued and deferred mail due now and reopens its destination; the relay starts delivering it
     * as soon as this has committed, not at its next poll.
     */
    DomainQueue.RetryNow retryNow(String domainName);

    /**
     * Gives the domain, and the mail already waiting for it, a longer queue lifetime.
     *
     * @throws QueueLifetimeTooLong if the lifetime would pass its maximum; then nothing changes
     */
    DomainQueue.LifetimeExtended extendQueueLifetime(String domainName, Duration extra);
}
