package net.smtpfeed.domain.mail;

import java.time.Instant;
import net.smtpfeed.domain.spam.SpamLevel;

/** One recipient's copy of a message held in quarantine, as staff and the domain's customer see it. */
public record QuarantinedCopy(long deliveryId, String queueId, Instant receivedAt, String sender, String recipient,
                              String domain, double spamScore, SpamLevel spamLevel, Instant purgedAt) {
}
