package net.smtpfeed.domain.hosting;

/**
 * Where a hosted domain's copies go, as a worker needs it: its customer's server (and whether only over STARTTLS), or
 * its temporary mailboxes. Read with the domain at RCPT TO and carried to the worker, so that neither the intake nor
 * the worker loads the domain again for a new message.
 */
public record DeliveryTarget(Destination destination, boolean requireTls, boolean mailboxMode) {
}
