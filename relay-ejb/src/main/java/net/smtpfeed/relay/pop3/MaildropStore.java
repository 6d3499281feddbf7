package net.smtpfeed.relay.pop3;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import net.smtpfeed.domain.mailbox.Mailbox;
import net.smtpfeed.domain.mailbox.MailboxPassword;
import net.smtpfeed.domain.mailbox.Mailboxes;
import net.smtpfeed.domain.mailbox.StoredMessage;
import net.smtpfeed.domain.mailbox.StoredMessages;
import net.smtpfeed.relay.mailbox.DomainLock;
import net.smtpfeed.relay.queue.QueuedContent;

/** The database side of POP3 sessions, one short transaction per step: no transaction waits on a client. */
@Stateless
public class MaildropStore {

    /** A login that found its mailbox: its id and its messages then, oldest first. */
    public record Opened(long mailboxId, List<Maildrop.Message> messages) {
    }

    /** Checked against when the user is unknown, so that an unknown user takes as long as a wrong password. */
    private static final String NO_MAILBOX_HASH = MailboxPassword.hash("no mailbox".toCharArray());
    private static final int IN_MEMORY_BYTES = 256 * 1024;

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    /** The user's mailbox and its messages if the password is its. The hash is checked outside any transaction. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Opened> login(String user, char[] password) {
        Optional<Mailbox> mailbox = new Mailboxes(em).byAddress(user);
        if (mailbox.isEmpty()) {
            MailboxPassword.matches(password, NO_MAILBOX_HASH);
            return Optional.empty();
        }
        if (!mailbox.get().passwordMatches(password)) {
            return Optional.empty();
        }
        List<Maildrop.Message> messages = new StoredMessages(em).inArrivalOrder(mailbox.get()).stream()
                .map(m -> new Maildrop.Message(m.getId(), m.getSizeBytes(), m.getUid())).toList();
        return Optional.of(new Opened(mailbox.get().getId(), messages));
    }

    /** The message's bytes, in memory when small, else in a temporary file; empty when it is no longer there. */
    public Optional<QueuedContent> content(long storedMessageId) {
        StoredMessage message = em.find(StoredMessage.class, storedMessageId);
        if (message == null) {
            return Optional.empty();
        }
        try (InputStream bytes = new StoredMessages(em).content(message)) {
            return Optional.of(QueuedContent.copyOf(bytes, message.getSizeBytes(), IN_MEMORY_BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void markSeen(long storedMessageId) {
        Optional.ofNullable(em.find(StoredMessage.class, storedMessageId)).ifPresent(StoredMessage::markSeen);
    }

    /**
     * Deletes the messages of the mailbox that are still there, all in this transaction, under the lock of its domain
     * that stores and switches take: a switch back to the feed waits for it, or it for the switch.
     */
    public void delete(long mailboxId, Collection<Long> storedMessageIds) {
        Mailbox mailbox = em.find(Mailbox.class, mailboxId);
        if (mailbox == null) {
            return;
        }
        DomainLock.lock(em, mailbox.getDomain().getId());
        StoredMessages messages = new StoredMessages(em);
        storedMessageIds.stream().map(id -> em.find(StoredMessage.class, id))
                .filter(m -> m != null && m.getMailbox().getId().equals(mailboxId))
                .forEach(messages::delete);
    }
}
