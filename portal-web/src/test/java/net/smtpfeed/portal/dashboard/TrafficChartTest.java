package net.smtpfeed.portal.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import net.smtpfeed.domain.mail.MailOutcome;
import net.smtpfeed.domain.mail.MailTraffic.DailyCount;
import org.junit.jupiter.api.Test;

class TrafficChartTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final List<LocalDate> THREE_DAYS = List.of(TODAY.minusDays(2), TODAY.minusDays(1), TODAY);

    private final TrafficChart chart = new TrafficChart(outcome -> "label of " + outcome, Locale.ENGLISH);

    @Test
    void eachDayIsABarLabelledWithItsDate() {
        JsonObject model = chart.of(DomainTraffic.of(THREE_DAYS, List.of()));

        assertEquals("bar", model.getString("type"));
        assertEquals(List.of("26 Nov", "27 Nov", "28 Nov"),
                model.getJsonObject("data").getJsonArray("labels").getValuesAs(JsonString::getString));
    }

    @Test
    void eachOutcomeIsOneStackedSegmentWithItsCountPerDayAndNoneWhereThereWasNone() {
        DomainTraffic traffic = DomainTraffic.of(THREE_DAYS, List.of(
                new DailyCount("customer.example", TODAY, MailOutcome.DELIVERED, 12),
                new DailyCount("customer.example", TODAY.minusDays(2), MailOutcome.DELIVERED, 3),
                new DailyCount("customer.example", TODAY, MailOutcome.SPAM_MED, 2)));

        JsonArray datasets = chart.of(traffic).getJsonObject("data").getJsonArray("datasets");

        assertEquals(MailOutcome.values().length, datasets.size());
        assertEquals(List.of(3L, 0L, 12L), counts(dataset(datasets, MailOutcome.DELIVERED)));
        assertEquals(List.of(0L, 0L, 2L), counts(dataset(datasets, MailOutcome.SPAM_MED)));
        assertEquals(List.of(0L, 0L, 0L), counts(dataset(datasets, MailOutcome.GREYLISTED)));
        assertEquals("mail", dataset(datasets, MailOutcome.VIRUS).getString("stack"));
    }

    @Test
    void theBarsAreStacked() {
        JsonObject scales = chart.of(DomainTraffic.of(THREE_DAYS, List.of())).getJsonObject("options").getJsonObject("scales");

        assertEquals(true, scales.getJsonObject("x").getBoolean("stacked"));
        assertEquals(true, scales.getJsonObject("y").getBoolean("stacked"));
    }

    @Test
    void theTotalsAddUpEachOutcomeAndAllSpamLevels() {
        DomainTraffic traffic = DomainTraffic.of(THREE_DAYS, List.of(
                new DailyCount("customer.example", TODAY, MailOutcome.DELIVERED, 12),
                new DailyCount("customer.example", TODAY.minusDays(1), MailOutcome.DELIVERED, 3),
                new DailyCount("customer.example", TODAY, MailOutcome.SPAM_LOW, 2),
                new DailyCount("customer.example", TODAY, MailOutcome.SPAM_HIGH, 1)));

        assertEquals(15, traffic.total(MailOutcome.DELIVERED));
        assertEquals(3, traffic.spam());
        assertEquals(0, traffic.total(MailOutcome.VIRUS));
        assertFalse(traffic.isEmpty());
    }

    @Test
    void aDomainWithoutMailOnAnyDayIsEmpty() {
        assertTrue(DomainTraffic.of(THREE_DAYS, List.of()).isEmpty());
    }

    private static JsonObject dataset(JsonArray datasets, MailOutcome outcome) {
        return datasets.getValuesAs(JsonObject.class).stream()
                .filter(dataset -> dataset.getString("label").equals("label of " + outcome))
                .findFirst().orElseThrow();
    }

    private static List<Long> counts(JsonObject dataset) {
        return dataset.getJsonArray("data").getValuesAs(JsonNumber::longValue);
    }
}
