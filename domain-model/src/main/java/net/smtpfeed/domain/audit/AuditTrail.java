package net.smtpfeed.domain.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import net.smtpfeed.domain.customer.Customer;

/**
 * The audit log inside the caller's transaction, so that a change and its entry commit together or not at all. A
 * change that changes nothing is not recorded.
 */
public final class AuditTrail {

    /**
     * What the staff's audit page filters by; null or blank fields do not filter. {@code text} is found in the subject
     * ("domain x.example") or a value, {@code change} is one kind of change exactly.
     */
    public record Filter(Instant from, Instant to, String actor, Long customerId, String text, String change) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    private static final String WHERE = """
            where (:from is null or a.occurredAt >= :from) and (:to is null or a.occurredAt < :to)
              and (:actor is null or lower(a.actor) = :actor) and (:customerId is null or c.id = :customerId)
              and (:change is null or a.change = :change)
              and (:text is null or lower(a.subject) like :text or lower(a.change) like :text
                   or lower(a.oldValue) like :text or lower(a.newValue) like :text)
            """;

    private final EntityManager em;

    public AuditTrail(EntityManager em) {
        this.em = em;
    }

    /** @return whether an entry was written: not when the old and new value are the same */
    public boolean record(String actor, Customer customer, String subject, String change, Object oldValue,
                          Object newValue, Instant now) {
        String before = oldValue == null ? null : String.valueOf(oldValue);
        String after = newValue == null ? null : String.valueOf(newValue);
        if (Objects.equals(before, after)) {
            return false;
        }
        em.persist(new AuditEntry(now, actor, customer, subject, change, before, after));
        return true;
    }

    /** Entries matching the filter, newest first, from {@code first}, at most {@code max}. */
    public List<AuditEntry> find(Filter filter, int first, int max) {
        return bind(em.createQuery("select a from AuditEntry a left join a.customer c " + WHERE
                        + " order by a.occurredAt desc, a.id desc", AuditEntry.class), filter)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    /** How many entries match the filter, for paging. */
    public long count(Filter filter) {
        return bind(em.createQuery("select count(a) from AuditEntry a left join a.customer c " + WHERE, Long.class), filter)
                .getSingleResult();
    }

    /** The kinds of change recorded so far, alphabetically, for choosing one. */
    public List<String> changes() {
        return em.createQuery("select distinct a.change from AuditEntry a order by a.change", String.class).getResultList();
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, Filter filter) {
        return query.setParameter("from", filter.from())
                .setParameter("to", filter.to())
                .setParameter("actor", blankToNull(filter.actor()) == null ? null
                        : filter.actor().strip().toLowerCase(Locale.ROOT))
                .setParameter("customerId", filter.customerId())
                .setParameter("change", blankToNull(filter.change()))
                .setParameter("text", blankToNull(filter.text()) == null ? null
                        : "%" + filter.text().strip().toLowerCase(Locale.ROOT) + "%");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The entries about one subject of one customer (a domain, a request), newest first, at most {@code max}. */
    public List<AuditEntry> ofSubject(long customerId, String subject, int max) {
        return em.createQuery("""
                        select a from AuditEntry a
                        where a.customer.id = :customerId and a.subject = :subject
                        order by a.occurredAt desc, a.id desc""", AuditEntry.class)
                .setParameter("customerId", customerId)
                .setParameter("subject", subject)
                .setMaxResults(max)
                .getResultList();
    }
}
