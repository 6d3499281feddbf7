package net.smtpfeed.relay.queue;

import net.smtpfeed.domain.hosting.Destination;

/**
 * A delivery a worker holds the lease of, detached from the persistence context: what it needs to send it. The
 * destination is the customer's server; null for a notification to a sender, which is routed by the sender's domain.
 */
public record ClaimedDelivery(long deliveryId, long messageId, String queueId, String sender, String recipient,
                              Destination destination, boolean requireTls) {

    public boolean isNotice() {
        return destination == null;
    }
}
