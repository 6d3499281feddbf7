package net.smtpfeed.domain.mailbox;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import net.smtpfeed.domain.audit.AuditTrail;
import net.smtpfeed.domain.hosting.DeliveryMode;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.MessageEvent;
import net.smtpfeed.domain.mail.Stage;

/**
 * Staff's switch of a domain between its feed and temporary mailboxes, inside the caller's transaction, with its audit
 * entries. The caller holds the domain's row locked for the transaction, so that the relay never stores into a mailbox
 * of a domain that is leaving mailbox mode (it reads the mode under a lock of its own).
 */
public final class ModeChange {

    /** The domain is in mailbox mode; its mail that was waiting for its server is due now, to go to its mailboxes. */
    public record ToMailboxes(String domain, int deliveriesDue) {
    }

    /** The domain is back on its feed; its mailboxes are gone, their messages queued again or deleted. */
    public record ToFeed(String domain, StoredMailDisposal disposal, int mailboxesDeleted, int messagesRequeued,
                         int messagesDeleted) {
    }

    private final EntityManager em;

    public ModeChange(EntityManager em) {
        this.em = em;
    }

    /**
     * Puts the domain on mailboxes: its queued and deferred mail is due at once, and the relay stores it into its
     * mailboxes instead of trying the customer's server. Mail for an address without a mailbox, in a domain without a
     * catch-all, stays in the queue, deferred, until a mailbox is made for it or its queue lifetime ends.
     *
     * @throws ModeSwitchRefused if the domain is in mailbox mode already
     */
    public ToMailboxes toMailboxes(HostedDomain domain, String actor, Instant now) {
        if (domain.isInMailboxMode()) {
            throw new ModeSwitchRefused("domain " + domain.getName() + " is on mailboxes already");
        }
        domain.switchToMailboxes();
        em.flush();
        int due = em.createNamedQuery(Delivery.MAKE_DUE_OF_DOMAIN).setParameter("now", now)
                .setParameter("domainId", domain.getId()).executeUpdate();
        recordMode(domain, DeliveryMode.FEED, actor, now);
        return new ToMailboxes(domain.getName(), due);
    }

    /**
     * Puts the domain back on its feed. What is in its mailboxes is queued for the customer's server (DELIVER: each
     * message's delivery again, with the spam mark it was accepted with, so the server gets it as the feed would have
     * sent it) or deleted (DELETE); then the mailboxes are deleted, and the mode changes last, which the database
     * allows only once no mailbox is left.
     *
     * @throws ModeSwitchRefused if the domain is on its feed already
     */
    public ToFeed toFeed(HostedDomain domain, StoredMailDisposal disposal, String actor, Instant now) {
        if (!domain.isInMailboxMode()) {
            throw new ModeSwitchRefused("domain " + domain.getName() + " is on its feed already");
        }
        if (domain.getDestination() == null) {
            throw new ModeSwitchRefused("domain " + domain.getName() + " has no server to relay to");
        }
        Mailboxes mailboxes = new Mailboxes(em);
        StoredMessages messages = new StoredMessages(em);
        List<Mailbox> all = mailboxes.of(domain);
        int requeued = 0;
        int deleted = 0;
        for (Mailbox mailbox : all) {
            for (StoredMessage message : messages.inArrivalOrder(mailbox)) {
                Delivery delivery = message.getDelivery();
                if (disposal == StoredMailDisposal.DELIVER) {
                    delivery.requeueFromMailbox(now);
                    requeued++;
                }
                em.persist(new MessageEvent(delivery.getMessage(), domain, now, Stage.DELIVERY,
                        disposal == StoredMailDisposal.DELIVER ? "REQUEUED" : "DELETED",
                        delivery.getRecipient() + (disposal == StoredMailDisposal.DELIVER
                                ? " queued again for " + domain.getDestination() + " from mailbox "
                                : " deleted with mailbox ") + mailbox.getAddress() + ": " + domain.getName()
                                + " went back to its feed (" + actor + ")"));
            }
            em.flush();
            deleted += mailboxes.delete(mailbox, actor, now);
        }
        domain.switchToFeed();
        em.flush();
        em.createNamedQuery(Delivery.MAKE_DUE_OF_DOMAIN).setParameter("now", now)
                .setParameter("domainId", domain.getId()).executeUpdate();
        recordMode(domain, DeliveryMode.MAILBOXES, actor, now);
        new AuditTrail(em).record(actor, domain.getCustomer(), domain.auditSubject(), "mail left in mailboxes", null,
                disposal == StoredMailDisposal.DELIVER ? requeued + " message(s) queued for delivery"
                        : deleted + " message(s) deleted", now);
        return new ToFeed(domain.getName(), disposal, all.size(), requeued,
                disposal == StoredMailDisposal.DELETE ? deleted : 0);
    }

    private void recordMode(HostedDomain domain, DeliveryMode before, String actor, Instant now) {
        new AuditTrail(em).record(actor, domain.getCustomer(), domain.auditSubject(), "delivery mode", before,
                domain.getDeliveryMode(), now);
    }
}
