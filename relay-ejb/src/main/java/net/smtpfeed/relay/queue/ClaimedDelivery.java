package net.smtpfeed.relay.queue;

import net.smtpfeed.domain.hosting.Destination;

/** A delivery a worker holds the lease of: what it needs to send it, detached from the persistence context. */
public record ClaimedDelivery(long deliveryId, long messageId, String queueId, String sender, String recipient,
                              Destination destination) {
}
