package net.smtpfeed.relay.delivery;

/** What the destination answered for one recipient of one SMTP transaction. */
public record RecipientResult(String recipient, boolean accepted, String reply) {
}
