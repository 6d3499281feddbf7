package net.smtpfeed.relay.queue;

import net.smtpfeed.domain.mail.SmtpReply;

/** What the destination said about one recipient: taken (2xx) or not, with its reply or the local error. */
public record DeliveryOutcome(ClaimedDelivery delivery, boolean accepted, SmtpReply reply) {
}
