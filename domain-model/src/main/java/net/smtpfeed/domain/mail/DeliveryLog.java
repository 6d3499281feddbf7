package net.smtpfeed.domain.mail;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The copies of messages to one customer's domains, newest first, as the message log and the customer's queue page
 * them: the page and its count come from the same filtered query, so that the pager never promises rows the page does
 * not show. The customer is part of every query: this is where one tenant is kept from seeing another's mail.
 */
public final class DeliveryLog {

    /**
     * Which copies to list. Days are UTC days, both included; sender and recipient match anywhere in the address,
     * whatever the case. A null day or a blank text does not filter, and no states means every state.
     */
    public record Filter(long customerId, LocalDate fromDay, LocalDate toDay, String sender, String recipient,
                         Set<DeliveryState> states) implements Serializable {

        public Filter {
            states = states.isEmpty() ? EnumSet.allOf(DeliveryState.class) : EnumSet.copyOf(states);
        }

        /** Everything the customer has. */
        public static Filter all(long customerId) {
            return new Filter(customerId, null, null, null, null, Set.of());
        }

        /** What the queue still owes the customer: queued, being delivered, or deferred until a later attempt. */
        public static Filter pending(long customerId) {
            return new Filter(customerId, null, null, null, null,
                    EnumSet.of(DeliveryState.QUEUED, DeliveryState.DELIVERING, DeliveryState.DEFERRED));
        }
    }

    /** The escape character of the LIKE patterns: one that neither MySQL nor H2 treats specially inside a literal. */
    private static final char ESCAPE = '!';

    private static final String WHERE = """
            where dom.customer.id = :customerId and d.state in :states
              and (:from is null or d.message.receivedAt >= :from) and (:to is null or d.message.receivedAt < :to)
              and (:sender is null or lower(d.message.envelopeSender) like :sender escape '%1$c')
              and (:recipient is null or lower(d.recipient) like :recipient escape '%1$c')""".formatted(ESCAPE);

    private final EntityManager em;

    public DeliveryLog(EntityManager em) {
        this.em = em;
    }

    /** The filtered copies, newest first, from {@code first}, at most {@code max}; each with its message. */
    public List<Delivery> page(Filter filter, int first, int max) {
        return bind(em.createQuery("select d from Delivery d join fetch d.message join d.domain dom " + WHERE
                        + " order by d.message.id desc, d.id desc", Delivery.class), filter)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    public long count(Filter filter) {
        return bind(em.createQuery("select count(d) from Delivery d join d.domain dom " + WHERE,
                Long.class), filter).getSingleResult();
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, Filter filter) {
        return query.setParameter("customerId", filter.customerId())
                .setParameter("states", filter.states())
                .setParameter("from", startOf(filter.fromDay()))
                .setParameter("to", filter.toDay() == null ? null : startOf(filter.toDay().plusDays(1)))
                .setParameter("sender", containing(filter.sender()))
                .setParameter("recipient", containing(filter.recipient()));
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A LIKE pattern for text anywhere in a lower-cased column, its own % and _ matched as they are. */
    private static String containing(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        StringBuilder pattern = new StringBuilder("%");
        for (char c : text.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
