package net.smtpfeed.relay.queue;

/** What the destination said about one recipient: taken (2xx) or not yet, with its reply or the error. */
public record DeliveryOutcome(long deliveryId, boolean delivered, String reply) {
}
