package net.smtpfeed.portal.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.smtpfeed.domain.mail.MailOutcome;
import net.smtpfeed.domain.mail.MailTraffic.DailyCount;

/** One domain's mail over the dashboard's days: per outcome, one count per day, oldest day first. */
public record DomainTraffic(List<LocalDate> days, Map<MailOutcome, List<Long>> counts) {

    /** The counts of one domain laid out over the days, with zero for a day and outcome the database had none of. */
    static DomainTraffic of(List<LocalDate> days, List<DailyCount> countsOfDomain) {
        Map<MailOutcome, List<Long>> counts = new EnumMap<>(MailOutcome.class);
        for (MailOutcome outcome : MailOutcome.values()) {
            counts.put(outcome, new ArrayList<>(Collections.nCopies(days.size(), 0L)));
        }
        for (DailyCount count : countsOfDomain) {
            int day = days.indexOf(count.day());
            if (day >= 0) {
                counts.get(count.outcome()).set(day, count.count());
            }
        }
        return new DomainTraffic(List.copyOf(days), counts);
    }

    public long total(MailOutcome outcome) {
        return counts.get(outcome).stream().mapToLong(Long::longValue).sum();
    }

    /** Whether the domain had no mail at all on any of the days. */
    public boolean isEmpty() {
        return counts.values().stream().flatMap(List::stream).allMatch(count -> count == 0);
    }

    /** Spam of every level together. */
    public long spam() {
        return total(MailOutcome.SPAM_LOW) + total(MailOutcome.SPAM_MED) + total(MailOutcome.SPAM_HIGH);
    }
}
