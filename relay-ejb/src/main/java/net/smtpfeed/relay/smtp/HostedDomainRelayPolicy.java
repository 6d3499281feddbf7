package net.smtpfeed.relay.smtp;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mail.EmailAddress;
import net.smtpfeed.domain.mailbox.Mailboxes;

/**
 * The relay policy read from the hosted domains and their mailboxes, so that a domain made live or switched in the
 * portal is so at once. One read (the domain's mode and its mailboxes in one statement), so no transaction of its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class HostedDomainRelayPolicy implements RelayPolicy {

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    @Override
    public RecipientCheck check(EmailAddress recipient) {
        return new Mailboxes(em).recipientDomain(recipient)
                .filter(found -> found.domain().acceptsMail())
                .<RecipientCheck>map(found -> found.domain().isInMailboxMode() && !found.mailboxFound()
                        ? RecipientCheck.Refused.noMailbox(recipient) : new RecipientCheck.Accepted(accepting(found.domain())))
                .orElse(RecipientCheck.Refused.RELAYING);
    }

    private static AcceptingDomain accepting(HostedDomain d) {
        return new AcceptingDomain(d.getId(), d.getName(), d.isGreylisting(),
                d.isSpamChecking() ? Optional.of(d.getSpamPolicy()) : Optional.empty(), d.getQueueLifetime(),
                d.deliveryTarget());
    }
}
