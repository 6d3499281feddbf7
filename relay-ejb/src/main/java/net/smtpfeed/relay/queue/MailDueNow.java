package net.smtpfeed.relay.queue;

/**
 * Fired inside a transaction in which a person made some of a domain's mail due now (retry now, a release from
 * quarantine); observed after it commits, so that workers find the mail due without waiting for the next poll.
 */
public record MailDueNow(String domain) {
}
