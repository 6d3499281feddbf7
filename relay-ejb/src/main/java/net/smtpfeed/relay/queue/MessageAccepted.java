package net.smtpfeed.relay.queue;

import java.util.List;

/**
 * Fired inside the accepting transaction, with the deliveries this node claimed in it; observed after the commit, so
 * that delivery starts at once but never early.
 */
public record MessageAccepted(long messageId, String queueId, List<ClaimedDelivery> claimed) {
}
