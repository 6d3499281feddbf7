package net.smtpfeed.relay.queue;

import java.time.Instant;
import java.util.Optional;
import net.smtpfeed.domain.hosting.DeliveryTarget;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.spam.SpamMark;

/**
 * A delivery a worker holds the lease of, detached from the persistence context: what it needs to send it. The
 * domain and its destination (the customer's server) are null for a notification to a sender, which is routed by the
 * sender's domain.
 * The spam mark, when the domain checks spam, says what the sent copy gets (headers, subject text). A domain in
 * mailbox mode when the delivery was claimed gets it in a mailbox instead of at its server (toMailbox).
 */
public record ClaimedDelivery(long deliveryId, long messageId, Long domainId, String queueId, String sender, String recipient,
                              Destination destination, boolean requireTls, String claimToken, Instant leasedUntil,
                              Optional<SpamMark> spamMark, boolean toMailbox) {

    static ClaimedDelivery of(Delivery d) {
        return d.getDomain() == null ? of(d.getId(), d.getMessage().getId(), null, d, null)
                : of(d.getId(), d.getMessage().getId(), d.getDomain().getId(), d, d.getDomain().deliveryTarget());
    }

    /**
     * A delivery whose ids are given (a new one, whose entities were only the rows' values and whose domain is a
     * reference that is not to be loaded), going where its domain's target says (both null for a notice to a sender).
     */
    static ClaimedDelivery of(long deliveryId, long messageId, Long domainId, Delivery d, DeliveryTarget target) {
        return new ClaimedDelivery(deliveryId, messageId, domainId, d.getMessage().getQueueId(),
                d.getMessage().getEnvelopeSender(), d.getRecipient(), target == null ? null : target.destination(),
                target != null && target.requireTls(), d.getClaimToken(), d.getLeasedUntil(), d.getSpamMark(),
                target != null && target.mailboxMode());
    }

    public boolean isNotice() {
        return destination == null;
    }
}
