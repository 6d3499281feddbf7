package net.smtpfeed.portal.dashboard;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.smtpfeed.domain.hosting.CustomerDomains;
import net.smtpfeed.domain.mail.MailTraffic;
import net.smtpfeed.domain.mail.MailTraffic.DailyCount;

/** A customer's domains with their mail per day, counted by the database in a handful of queries for all of them. */
@Stateless
public class Dashboard {

    /** How many days the dashboard shows, today included. */
    static final int DAYS = 30;

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    /** The customer's domains by name, each with its counts from {@value #DAYS} days ago up to today (UTC days). */
    public List<DomainCard> cards(long customerId, LocalDate today) {
        LocalDate firstDay = today.minusDays(DAYS - 1);
        List<LocalDate> days = Stream.iterate(firstDay, day -> day.plusDays(1)).limit(DAYS).toList();
        Map<String, List<DailyCount>> counts = new MailTraffic(em).perDay(customerId, firstDay, today).stream()
                .collect(Collectors.groupingBy(DailyCount::domain));
        return new CustomerDomains(em).of(customerId).stream()
                .map(domain -> new DomainCard(domain, DomainTraffic.of(days, counts.getOrDefault(domain.getName(), List.of()))))
                .toList();
    }
}
