package net.smtpfeed.relay.queue;

/** Fired inside the accepting transaction; observed after it commits, so delivery starts at once but never early. */
public record MessageAccepted(long messageId, String queueId) {
}
