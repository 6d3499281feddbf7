package net.smtpfeed.relay.mailbox;

import jakarta.ejb.Local;
import net.smtpfeed.domain.mailbox.ModeChange;
import net.smtpfeed.domain.mailbox.ModeSwitchRefused;
import net.smtpfeed.domain.mailbox.StoredMailDisposal;

/**
 * Staff's switch of a domain between its SMTP feed and temporary POP3 mailboxes, each one transaction with its audit
 * entries, under a lock on the domain's row that the relay's storing into mailboxes respects: a message is never
 * stored into a mailbox of a domain that has left mailbox mode. Part of the relay's client jar.
 *
 * @throws ModeSwitchRefused (from both) when the domain is in that mode already; then nothing changed
 */
@Local
public interface ModeSwitch {

    /**
     * Puts the domain on mailboxes. Its queued and deferred mail goes into its mailboxes as soon as this has committed,
     * and so does new mail; mail for an address without a mailbox (and no catch-all) waits in the queue, visible, until
     * one is made. Create the mailboxes with {@link MailboxAdministration#create} afterwards.
     */
    ModeChange.ToMailboxes toMailboxes(String domainName, String staff);

    /**
     * Puts the domain back on its feed: what is in its mailboxes is queued for the customer's server (DELIVER) or
     * deleted (DELETE, once the customer confirmed they fetched it), and the mailboxes are deleted.
     */
    ModeChange.ToFeed toFeed(String domainName, StoredMailDisposal disposal, String staff);
}
