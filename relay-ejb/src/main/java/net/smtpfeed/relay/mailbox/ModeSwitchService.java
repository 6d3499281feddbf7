package net.smtpfeed.relay.mailbox;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.logging.Logger;
import net.smtpfeed.domain.mailbox.ModeChange;
import net.smtpfeed.domain.mailbox.StoredMailDisposal;
import net.smtpfeed.relay.queue.MailDueNow;

/** Staff's switch between feed and mailboxes, one transaction each under the domain's lock; the rules are ModeChange's. */
@Stateless
public class ModeSwitchService implements ModeSwitch {

    private static final Logger LOG = Logger.getLogger(ModeSwitchService.class.getName());

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Inject
    private Event<MailDueNow> madeDue;

    @Override
    public ModeChange.ToMailboxes toMailboxes(String domainName, String staff) {
        ModeChange.ToMailboxes switched = new ModeChange(em).toMailboxes(DomainLock.lock(em, domainName), staff,
                Instant.now());
        madeDue.fire(new MailDueNow(domainName));
        LOG.info(() -> domainName + " switched to mailboxes by " + staff + "; " + switched.deliveriesDue()
                + " waiting deliveries go to its mailboxes now");
        return switched;
    }

    @Override
    public ModeChange.ToFeed toFeed(String domainName, StoredMailDisposal disposal, String staff) {
        ModeChange.ToFeed switched = new ModeChange(em).toFeed(DomainLock.lock(em, domainName), disposal, staff,
                Instant.now());
        madeDue.fire(new MailDueNow(domainName));
        LOG.info(() -> domainName + " switched back to its feed by " + staff + ": " + switched.mailboxesDeleted()
                + " mailboxes deleted, " + switched.messagesRequeued() + " messages queued for delivery, "
                + switched.messagesDeleted() + " deleted");
        return switched;
    }
}
