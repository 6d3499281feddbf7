package net.smtpfeed.portal.mailbox;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mailbox.Mailboxes;
import net.smtpfeed.portal.security.StaffOnly;

/** Staff's view of one domain's mode and mailboxes, with how much mail each holds. Changes go through the relay. */
@Stateless
@StaffOnly
public class DomainMailboxes {

    /** A domain as its mailbox page shows it. */
    public record View(String domain, String customer, boolean mailboxMode, String destination,
                       List<MailboxRow> mailboxes) implements Serializable {

        public long messages() {
            return mailboxes.stream().mapToLong(MailboxRow::messages).sum();
        }

        public boolean hasCatchAll() {
            return mailboxes.stream().anyMatch(MailboxRow::catchAll);
        }
    }

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    public Optional<View> view(String domainName) {
        return em.createNamedQuery(HostedDomain.BY_NAME, HostedDomain.class)
                .setParameter("name", domainName)
                .getResultStream()
                .findFirst()
                .map(this::view);
    }

    private View view(HostedDomain domain) {
        List<MailboxRow> rows = new Mailboxes(em).of(domain).stream().map(new MailboxRows(em)::of).toList();
        return new View(domain.getName(), domain.getCustomer().getName(), domain.isInMailboxMode(),
                domain.getDestination() == null ? null : domain.getDestination().toString(), rows);
    }
}
