package net.smtpfeed.relay.smtp;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import net.smtpfeed.domain.mail.EmailAddress;
import net.smtpfeed.domain.mailbox.RecipientDomain;
import net.smtpfeed.domain.mailbox.RecipientDomains;

/**
 * The relay policy read from the hosted domains and their mailboxes, so that a domain made live or switched in the
 * portal is so at once. One read (the domain's mode and its mailboxes in one statement), so no transaction of its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class HostedDomainRelayPolicy implements RelayPolicy {

    @Resource(lookup = "java:jboss/datasources/SmtpfeedDS")
    private DataSource dataSource;

    @Override
    public RecipientCheck check(EmailAddress recipient) {
        return find(recipient).filter(RecipientDomain::acceptsMail)
                .<RecipientCheck>map(found -> found.isInMailboxMode() && !found.mailboxFound()
                        ? RecipientCheck.Refused.noMailbox(recipient) : new RecipientCheck.Accepted(accepting(found)))
                .orElse(RecipientCheck.Refused.RELAYING);
    }

    private Optional<RecipientDomain> find(EmailAddress recipient) {
        try (Connection connection = dataSource.getConnection()) {
            return new RecipientDomains(connection).find(recipient);
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up the domain of " + recipient, e);
        }
    }

    private static AcceptingDomain accepting(RecipientDomain d) {
        return new AcceptingDomain(d.id(), d.name(), d.greylisting(), d.spamPolicy(), d.queueLifetime(), d.target());
    }
}
