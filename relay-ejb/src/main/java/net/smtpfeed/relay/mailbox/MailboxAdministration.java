package net.smtpfeed.relay.mailbox;

import jakarta.ejb.Local;
import java.util.Collection;
import net.smtpfeed.domain.mailbox.MailboxCreated;
import net.smtpfeed.domain.mailbox.MailboxRefused;
import net.smtpfeed.domain.mailbox.MailboxScope;

/**
 * The mailboxes of domains in mailbox mode as the portal makes and changes them: staff create, reset, delete and set
 * the catch-all; a customer changes the password of their own. Each call is one transaction with its audit entries.
 * The portal lists mailboxes and reads their messages itself, through the domain model (Mailboxes, StoredMessages).
 * Part of the relay's client jar, like QueueAdministration.
 *
 * @throws MailboxRefused (from every method) when the change is refused; then nothing changed
 */
@Local
public interface MailboxAdministration {

    /**
     * Makes a mailbox for an address of a domain in mailbox mode, with a random password. Mail of the domain that
     * waited in the queue for want of a mailbox goes into it as soon as this has committed.
     *
     * @param catchAll whether it also takes the mail for the domain's addresses that have no mailbox
     * @return the mailbox and its password, to be shown once
     */
    MailboxCreated create(String domainName, String localPart, boolean catchAll, String staff);

    /** Gives the mailbox a new random password; returns it, to be shown once. */
    String resetPassword(long mailboxId, String staff);

    /** Sets a password the customer (or staff) chose: at least MailboxPassword.MINIMUM_LENGTH characters. */
    void changePassword(long mailboxId, MailboxScope scope, char[] password, String actor);

    /** Makes the mailbox its domain's catch-all (the previous one stops being it), or stops it being one. */
    void setCatchAll(long mailboxId, boolean catchAll, String staff);

    /**
     * Deletes messages from mailboxes in scope (webmail's delete), under their domains' locks, so that a switch back
     * to the feed never queues a message the customer deleted meanwhile, nor misses one.
     *
     * @return how many were deleted: those in scope and still there
     */
    int deleteMessages(Collection<Long> storedMessageIds, MailboxScope scope);

    /**
     * Deletes the mailbox and the messages in it.
     *
     * @return how many messages were deleted with it
     */
    int delete(long mailboxId, String staff);
}
