package net.smtpfeed.relay.smtp;

/** A message whose DATA is complete and inspected, on its way into the queue. */
public record Arrival(Envelope envelope, SpooledMessage message, Inspection inspection) {
}
