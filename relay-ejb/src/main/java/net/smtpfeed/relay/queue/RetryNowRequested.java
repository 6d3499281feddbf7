package net.smtpfeed.relay.queue;

/** Fired inside staff's retry-now transaction; observed after it commits, so that workers find the mail due. */
public record RetryNowRequested(String domain) {
}
