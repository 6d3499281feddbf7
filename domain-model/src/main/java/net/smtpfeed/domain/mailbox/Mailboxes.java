package net.smtpfeed.domain.mailbox;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.smtpfeed.domain.audit.AuditTrail;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.EmailAddress;

/**
 * The mailboxes of domains in mailbox mode as staff, customers and the relay find and change them, inside the caller's
 * transaction. Every change is written to the audit log in the same transaction; a password never is.
 */
public final class Mailboxes {

    private final EntityManager em;

    public Mailboxes(EntityManager em) {
        this.em = em;
    }

    /** The domain's mailboxes by address. */
    public List<Mailbox> of(HostedDomain domain) {
        return em.createQuery("select m from Mailbox m where m.domain = :domain order by m.localPart", Mailbox.class)
                .setParameter("domain", domain)
                .getResultList();
    }

    /** The mailboxes of the customer's domains (or of every customer's for staff), by domain and address. */
    public List<Mailbox> inScope(MailboxScope scope) {
        return em.createQuery("""
                        select m from Mailbox m join fetch m.domain
                        where :customerId is null or m.domain.customer.id = :customerId
                        order by m.domain.name, m.localPart""", Mailbox.class)
                .setParameter("customerId", scope.customerId())
                .getResultList();
    }

    /** The mailbox of that id if the scope covers it; empty for another customer's, as for none. */
    public Optional<Mailbox> find(long id, MailboxScope scope) {
        return Optional.ofNullable(em.find(Mailbox.class, id)).filter(scope::covers);
    }

    /** The mailbox of an address, as a POP3 client names it in USER (any case). */
    public Optional<Mailbox> byAddress(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        return em.createQuery("""
                        select m from Mailbox m join fetch m.domain
                        where m.localPart = :localPart and m.domain.name = :domain""", Mailbox.class)
                .setParameter("localPart", address.substring(0, at).toLowerCase(Locale.ROOT))
                .setParameter("domain", address.substring(at + 1).toLowerCase(Locale.ROOT))
                .getResultStream()
                .findFirst();
    }

    /** Where mail for a local part of the domain goes: its own mailbox, else the domain's catch-all, else nowhere. */
    public Optional<Mailbox> forRecipient(HostedDomain domain, String localPart) {
        String wanted = localPart.toLowerCase(Locale.ROOT);
        List<Mailbox> candidates = em.createQuery("""
                        select m from Mailbox m
                        where m.domain = :domain and (m.localPart = :localPart or m.catchAllOf is not null)""",
                        Mailbox.class)
                .setParameter("domain", domain)
                .setParameter("localPart", wanted)
                .getResultList();
        return candidates.stream().filter(m -> m.getLocalPart().equals(wanted)).findFirst()
                .or(() -> candidates.stream().findFirst());
    }

    /**
     * Makes a mailbox with the given password hash; as the catch-all, the domain's previous catch-all (if any) stops
     * being one. The domain's mail that waited for want of a mailbox is due at once.
     *
     * @throws MailboxRefused if the domain is not in mailbox mode, the local part is none, or the address is taken
     */
    public Mailbox create(HostedDomain domain, String localPart, boolean catchAll, String passwordHash, String actor,
                          Instant now) {
        Mailbox mailbox = new Mailbox(domain, localPart, passwordHash, now);
        if (of(domain).stream().anyMatch(m -> m.getLocalPart().equals(mailbox.getLocalPart()))) {
            throw new MailboxRefused(MailboxRefused.Reason.ADDRESS_TAKEN, mailbox.getAddress() + " has a mailbox already");
        }
        em.persist(mailbox);
        new AuditTrail(em).record(actor, domain.getCustomer(), mailbox.auditSubject(), "mailbox", null, "created", now);
        if (catchAll) {
            setCatchAll(mailbox, true, actor, now);
        }
        em.createNamedQuery(Delivery.MAKE_DUE_OF_DOMAIN).setParameter("now", now).setParameter("domainId", domain.getId())
                .executeUpdate();
        return mailbox;
    }

    /** Makes the mailbox the domain's catch-all (the previous one stops being it), or stops it being one. */
    public void setCatchAll(Mailbox mailbox, boolean on, String actor, Instant now) {
        boolean before = mailbox.isCatchAll();
        if (on) {
            of(mailbox.getDomain()).stream().filter(m -> m.isCatchAll() && !m.equals(mailbox))
                    .forEach(previous -> setCatchAll(previous, false, actor, now));
            // The unique key on the catch-all column must see the previous one cleared before this one is set.
            em.flush();
        }
        mailbox.catchAll(on);
        em.flush();
        new AuditTrail(em).record(actor, mailbox.getDomain().getCustomer(), mailbox.auditSubject(), "catch-all", before,
                on, now);
    }

    /** Gives the mailbox a new random password and returns it, to be shown once: it is kept only as a hash. */
    public String resetPassword(Mailbox mailbox, String actor, Instant now) {
        String password = MailboxPassword.generate();
        mailbox.changePasswordHash(MailboxPassword.hash(password.toCharArray()));
        new AuditTrail(em).record(actor, mailbox.getDomain().getCustomer(), mailbox.auditSubject(), "password", null,
                "reset", now);
        return password;
    }

    /**
     * Sets a password the customer chose.
     *
     * @throws MailboxRefused if it is shorter than {@link MailboxPassword#MINIMUM_LENGTH}
     */
    public void changePassword(Mailbox mailbox, char[] password, String actor, Instant now) {
        mailbox.changePasswordHash(MailboxPassword.hashChosen(password));
        new AuditTrail(em).record(actor, mailbox.getDomain().getCustomer(), mailbox.auditSubject(), "password", null,
                "changed", now);
    }

    /**
     * Deletes the mailbox with the messages in it. Their deliveries stay in the queue as STORED: the mail reached the
     * mailbox, and what became of it there is the customer's.
     *
     * @return how many messages were deleted with it
     */
    public int delete(Mailbox mailbox, String actor, Instant now) {
        int messages = new StoredMessages(em).deleteAll(mailbox);
        em.remove(mailbox);
        em.flush();
        new AuditTrail(em).record(actor, mailbox.getDomain().getCustomer(), mailbox.auditSubject(), "mailbox",
                "with " + messages + " message(s)", "deleted", now);
        return messages;
    }
}
