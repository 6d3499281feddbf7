package net.smtpfeed.relay.mailbox;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.EmailAddress;
import net.smtpfeed.domain.mail.MessageEvent;
import net.smtpfeed.domain.mail.SmtpReply;
import net.smtpfeed.domain.mail.Stage;
import net.smtpfeed.domain.mailbox.Mailbox;
import net.smtpfeed.domain.mailbox.Mailboxes;
import net.smtpfeed.domain.mailbox.StoredMessage;
import net.smtpfeed.domain.mailbox.StoredMessages;
import net.smtpfeed.relay.queue.ClaimedDelivery;
import net.smtpfeed.relay.queue.DeliveryOutcome;
import net.smtpfeed.relay.queue.QueuedContent;

/**
 * Delivers a claimed delivery of a domain in mailbox mode into the recipient's mailbox (or the domain's catch-all), in
 * one transaction: the stored copy, the delivery marked STORED and its timeline line commit together or not at all.
 * The domain's row is read under its lock (DomainLock), so a switch back to the feed waits for this store, and a
 * store after the switch sees the feed and leaves the delivery to it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MailboxDelivery {

    private static final Logger LOG = Logger.getLogger(MailboxDelivery.class.getName());

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    /**
     * @return empty when the copy is stored (or another worker holds the delivery now); else why it was not, for the
     *         queue to defer it: the domain is back on its feed, or the address has no mailbox (the queue keeps it,
     *         visible, until a mailbox is made for it or its lifetime ends)
     */
    public Optional<DeliveryOutcome> store(ClaimedDelivery claimed, QueuedContent content) {
        Instant now = Instant.now();
        HostedDomain domain = DomainLock.lock(em, claimed.domainId());
        Delivery delivery = em.find(Delivery.class, claimed.deliveryId());
        if (!claimed.claimToken().equals(delivery.getClaimToken())) {
            return Optional.empty();
        }
        if (!domain.isInMailboxMode()) {
            return notStored(claimed, "451 4.3.0 " + domain.getName() + " is back on its feed; its server gets it");
        }
        String localPart = EmailAddress.parse(claimed.recipient()).localPart();
        Optional<Mailbox> mailbox = new Mailboxes(em).forRecipient(domain, localPart);
        if (mailbox.isEmpty()) {
            return notStored(claimed, "450 4.2.1 no mailbox for <" + claimed.recipient()
                    + "> and no catch-all; kept until one is made");
        }
        StoredMessage stored;
        try (MailboxCopy copy = MailboxCopy.of(claimed, content)) {
            stored = new StoredMessages(em).store(mailbox.get(), delivery, copy.summary(), copy.bytes(), now);
        }
        em.persist(new MessageEvent(delivery.getMessage(), domain, now, Stage.DELIVERY, "STORED",
                claimed.recipient() + " stored in mailbox " + mailbox.get().getAddress() + " (" + stored.getSizeBytes()
                        + " bytes)"));
        LOG.info(() -> claimed.queueId() + ": to=<" + claimed.recipient() + "> mailbox=" + mailbox.get().getAddress()
                + " status=stored size=" + stored.getSizeBytes());
        return Optional.empty();
    }

    private static Optional<DeliveryOutcome> notStored(ClaimedDelivery claimed, String reply) {
        LOG.info(() -> claimed.queueId() + ": to=<" + claimed.recipient() + "> status=deferred (" + reply + ")");
        return Optional.of(new DeliveryOutcome(claimed, false, SmtpReply.parse(reply)));
    }
}
