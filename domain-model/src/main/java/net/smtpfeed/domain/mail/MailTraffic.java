package net.smtpfeed.domain.mail;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.smtpfeed.domain.spam.SpamLevel;

/**
 * How much mail each of a customer's domains had per day and {@link MailOutcome}, counted by the database (grouped by
 * day) from the queue, the refusals and the greylist. Days are UTC days, as everywhere in the portal.
 *
 * <p>Greylisting writes a row per triplet, not per refusal: a greylisted count is the number of the domain's triplets
 * (by the recipient's domain) first seen that day. Triplets that never came back are forgotten when their retry window
 * ends (two days by default), so older days show only the greylisted mail that was retried.
 */
public final class MailTraffic {

    /** How many of one domain's messages had one outcome on one day. */
    public record DailyCount(String domain, LocalDate day, MailOutcome outcome, long count) {
    }

    private record Key(String domain, LocalDate day, MailOutcome outcome) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::domain).thenComparing(Key::day)
            .thenComparing(Key::outcome);

    private final EntityManager em;

    public MailTraffic(EntityManager em) {
        this.em = em;
    }

    /** The counts of the customer's domains from the first to the last day, both included; days without mail have none. */
    public List<DailyCount> perDay(long customerId, LocalDate firstDay, LocalDate lastDay) {
        Instant from = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<Key, Long> counts = new TreeMap<>(ORDER);
        copies(customerId, from, to, counts);
        virusRefusals(customerId, from, to, counts);
        greylisted(customerId, from, to, counts);
        List<DailyCount> result = new ArrayList<>(counts.size());
        counts.forEach((key, count) -> result.add(new DailyCount(key.domain(), key.day(), key.outcome(), count)));
        return result;
    }

    private void copies(long customerId, Instant from, Instant to, Map<Key, Long> counts) {
        rows("""
                select dom.name, cast(m.receivedAt as LocalDate), count(d), d.state, d.spamMark.level
                from Delivery d join d.domain dom join d.message m
                where dom.customer.id = :customerId and m.receivedAt >= :from and m.receivedAt < :to
                group by dom.name, cast(m.receivedAt as LocalDate), d.state, d.spamMark.level""", customerId, from, to)
                .forEach(row -> MailOutcome.ofCopy((DeliveryState) row[3], (SpamLevel) row[4])
                        .ifPresent(outcome -> add(counts, row, outcome)));
    }

    private void virusRefusals(long customerId, Instant from, Instant to, Map<Key, Long> counts) {
        rows("""
                select dom.name, cast(r.refusedAt as LocalDate), count(r)
                from Refusal r join r.domain dom
                where dom.customer.id = :customerId and r.stage = net.smtpfeed.domain.mail.Stage.VIRUS_SCAN
                  and r.refusedAt >= :from and r.refusedAt < :to
                group by dom.name, cast(r.refusedAt as LocalDate)""", customerId, from, to)
                .forEach(row -> add(counts, row, MailOutcome.VIRUS));
    }

    private void greylisted(long customerId, Instant from, Instant to, Map<Key, Long> counts) {
        rows("""
                select dom.name, cast(e.firstSeen as LocalDate), count(e)
                from GreylistEntry e, HostedDomain dom
                where dom.customer.id = :customerId and e.recipient like concat('%@', dom.name)
                  and e.firstSeen >= :from and e.firstSeen < :to
                group by dom.name, cast(e.firstSeen as LocalDate)""", customerId, from, to)
                .forEach(row -> add(counts, row, MailOutcome.GREYLISTED));
    }

    /** The rows of a count per domain and day: domain name, day, count, then whatever else the query groups by. */
    private Stream<Object[]> rows(String query, long customerId, Instant from, Instant to) {
        return em.createQuery(query, Object[].class)
                .setParameter("customerId", customerId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultStream();
    }

    private static void add(Map<Key, Long> counts, Object[] row, MailOutcome outcome) {
        counts.merge(new Key((String) row[0], (LocalDate) row[1], outcome), ((Number) row[2]).longValue(), Long::sum);
    }
}
