package net.smtpfeed.portal.mailbox;

import jakarta.persistence.EntityManager;
import net.smtpfeed.domain.mailbox.Mailbox;

/** Mailboxes as pages list them, with how many messages each holds and how many of those are unread. */
public final class MailboxRows {

    private final EntityManager em;

    public MailboxRows(EntityManager em) {
        this.em = em;
    }

    public MailboxRow of(Mailbox mailbox) {
        Object[] count = em.createQuery("""
                        select count(s), coalesce(sum(case when s.seen = false then 1 else 0 end), 0)
                        from StoredMessage s where s.mailbox = :mailbox""", Object[].class)
                .setParameter("mailbox", mailbox)
                .getSingleResult();
        return new MailboxRow(mailbox.getId(), mailbox.getAddress(), mailbox.isCatchAll(), mailbox.getCreatedAt(),
                ((Number) count[0]).longValue(), ((Number) count[1]).longValue());
    }
}
