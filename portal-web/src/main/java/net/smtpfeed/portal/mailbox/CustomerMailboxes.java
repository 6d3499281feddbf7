package net.smtpfeed.portal.mailbox;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import net.smtpfeed.domain.mailbox.MailboxScope;
import net.smtpfeed.domain.mailbox.Mailboxes;

/** A customer's mailboxes, with their mail counted; another customer's is answered as none. */
@Stateless
public class CustomerMailboxes {

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    public List<MailboxRow> list(MailboxScope scope) {
        MailboxRows rows = new MailboxRows(em);
        return new Mailboxes(em).inScope(scope).stream().map(rows::of).toList();
    }

    public Optional<MailboxRow> find(long mailboxId, MailboxScope scope) {
        return new Mailboxes(em).find(mailboxId, scope).map(new MailboxRows(em)::of);
    }
}
