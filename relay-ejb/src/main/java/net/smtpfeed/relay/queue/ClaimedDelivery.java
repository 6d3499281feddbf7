package net.smtpfeed.relay.queue;

import java.time.Instant;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.mail.Delivery;

/**
 * A delivery a worker holds the lease of, detached from the persistence context: what it needs to send it. The
 * destination is the customer's server; null for a notification to a sender, which is routed by the sender's domain.
 */
public record ClaimedDelivery(long deliveryId, long messageId, String queueId, String sender, String recipient,
                              Destination destination, boolean requireTls, String claimToken, Instant leasedUntil) {

    static ClaimedDelivery of(Delivery d) {
        return new ClaimedDelivery(d.getId(), d.getMessage().getId(), d.getMessage().getQueueId(),
                d.getMessage().getEnvelopeSender(), d.getRecipient(),
                d.getDomain() == null ? null : d.getDomain().getDestination(),
                d.getDomain() != null && d.getDomain().isRequireTls(), d.getClaimToken(), d.getLeasedUntil());
    }

    public boolean isNotice() {
        return destination == null;
    }
}
