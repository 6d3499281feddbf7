package net.smtpfeed.relay.mailbox;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.logging.Logger;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mailbox.Mailbox;
import net.smtpfeed.domain.mailbox.MailboxCreated;
import net.smtpfeed.domain.mailbox.MailboxPassword;
import net.smtpfeed.domain.mailbox.MailboxRefused;
import net.smtpfeed.domain.mailbox.MailboxScope;
import net.smtpfeed.domain.mailbox.Mailboxes;
import net.smtpfeed.domain.mailbox.StoredMessage;
import net.smtpfeed.domain.mailbox.StoredMessages;
import net.smtpfeed.relay.queue.MailDueNow;

/** The mailboxes' changes, one transaction each under their domain's lock; the rules are Mailboxes'. */
@Stateless
public class MailboxService implements MailboxAdministration {

    private static final Logger LOG = Logger.getLogger(MailboxService.class.getName());

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Inject
    private Event<MailDueNow> madeDue;

    @Override
    public MailboxCreated create(String domainName, String localPart, boolean catchAll, String staff) {
        HostedDomain domain = DomainLock.lock(em, domainName);
        String password = MailboxPassword.generate();
        Mailbox mailbox = new Mailboxes(em).create(domain, localPart, catchAll, MailboxPassword.hash(password.toCharArray()),
                staff, Instant.now());
        madeDue.fire(new MailDueNow(domainName));
        LOG.info(() -> "mailbox " + mailbox.getAddress() + (catchAll ? " (catch-all)" : "") + " created by " + staff);
        return new MailboxCreated(mailbox.getId(), mailbox.getAddress(), password);
    }

    @Override
    public String resetPassword(long mailboxId, String staff) {
        return new Mailboxes(em).resetPassword(locked(mailboxId, MailboxScope.staff()), staff, Instant.now());
    }

    @Override
    public void changePassword(long mailboxId, MailboxScope scope, char[] password, String actor) {
        new Mailboxes(em).changePassword(locked(mailboxId, scope), password, actor, Instant.now());
    }

    @Override
    public void setCatchAll(long mailboxId, boolean catchAll, String staff) {
        Mailbox mailbox = locked(mailboxId, MailboxScope.staff());
        new Mailboxes(em).setCatchAll(mailbox, catchAll, staff, Instant.now());
        if (catchAll) {
            madeDue.fire(new MailDueNow(mailbox.getDomain().getName()));
        }
    }

    @Override
    public int deleteMessages(Collection<Long> storedMessageIds, MailboxScope scope) {
        StoredMessages messages = new StoredMessages(em);
        int deleted = 0;
        for (Long id : storedMessageIds) {
            Optional<Long> domainId = em.createQuery(
                            "select s.mailbox.domain.id from StoredMessage s where s.id = :id", Long.class)
                    .setParameter("id", id).getResultStream().findFirst();
            domainId.ifPresent(domain -> DomainLock.lock(em, domain));
            Optional<StoredMessage> message = domainId.flatMap(domain -> messages.find(id, scope));
            if (message.isPresent()) {
                messages.delete(message.get());
                deleted++;
            }
        }
        return deleted;
    }

    @Override
    public int delete(long mailboxId, String staff) {
        Mailbox mailbox = locked(mailboxId, MailboxScope.staff());
        int messages = new Mailboxes(em).delete(mailbox, staff, Instant.now());
        LOG.info(() -> "mailbox " + mailbox.getAddress() + " deleted by " + staff + " with " + messages + " messages");
        return messages;
    }

    /** The mailbox in scope, after its domain is locked: a mailbox of a domain switching back is not changed meanwhile. */
    private Mailbox locked(long mailboxId, MailboxScope scope) {
        Long domainId = em.createQuery("select m.domain.id from Mailbox m where m.id = :id", Long.class)
                .setParameter("id", mailboxId)
                .getResultStream()
                .findFirst()
                .orElseThrow(MailboxService::noSuchMailbox);
        DomainLock.lock(em, domainId);
        return new Mailboxes(em).find(mailboxId, scope).orElseThrow(MailboxService::noSuchMailbox);
    }

    private static MailboxRefused noSuchMailbox() {
        return new MailboxRefused(MailboxRefused.Reason.NO_SUCH_MAILBOX, "no such mailbox");
    }
}
