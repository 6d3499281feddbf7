package net.smtpfeed.domain.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.greylist.Greylist;
import net.smtpfeed.domain.greylist.GreylistSettings;
import net.smtpfeed.domain.greylist.Triplet;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.MailOutcome;
import net.smtpfeed.domain.mail.MailTraffic;
import net.smtpfeed.domain.mail.MailTraffic.DailyCount;
import net.smtpfeed.domain.mail.Refusal;
import net.smtpfeed.domain.mail.RetrySchedule;
import net.smtpfeed.domain.mail.Stage;
import net.smtpfeed.domain.spam.SpamAction;
import net.smtpfeed.domain.spam.SpamLevel;
import net.smtpfeed.domain.spam.SpamMark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's counts per domain, day and outcome, grouped by the database (H2 here; MySQL with -Pmysql), and only
 * ever of the asking customer's domains.
 */
class MailTrafficTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final LocalDate YESTERDAY = TODAY.minusDays(1);
    private static final Instant TODAY_NOON = noonOf(TODAY);
    private static final Instant YESTERDAY_NOON = noonOf(YESTERDAY);
    private static final Duration A_WEEK = Duration.ofDays(7);

    private static TestData data;

    @BeforeAll
    static void migrate() {
        data = TestData.onFreshDatabase();
    }

    @AfterAll
    static void close() {
        data.close();
    }

    @Test
    void eachCopyCountsOnTheDayItsMessageArrivedByWhereItsDeliveryStands() {
        HostedDomain domain = data.domain(data.customer("Traffic States"));
        data.copy(domain, TODAY_NOON, delivered());
        data.copy(domain, TODAY_NOON.plusSeconds(60), delivered());
        data.copy(domain, YESTERDAY_NOON, delivered());
        data.copy(domain, TODAY_NOON, deferred());
        data.copy(domain, TODAY_NOON.minus(Duration.ofDays(3)), expiredAt(TODAY_NOON));
        data.copy(domain, TODAY_NOON, d -> { });
        data.copy(domain, TODAY_NOON, d -> d.bounced("550 5.1.1 user unknown", TODAY_NOON));

        Map<String, Long> counts = countsOf(domain, YESTERDAY.minusDays(5), TODAY);

        assertEquals(Map.of(
                TODAY + " DELIVERED", 2L,
                TODAY + " DEFERRED", 1L,
                YESTERDAY + " DELIVERED", 1L,
                TODAY.minusDays(3) + " DEFERRED", 1L), counts, "queued and bounced mail is not counted");
    }

    @Test
    void aCopyWithASpamLevelCountsAsSpamOfThatLevelWhateverItsActionDid() {
        HostedDomain domain = data.domain(data.customer("Traffic Spam"));
        data.copy(domain, TODAY_NOON, marked(SpamLevel.LOW, SpamAction.SUBJECT).andThen(delivered()));
        data.copy(domain, TODAY_NOON, marked(SpamLevel.MED, SpamAction.HEADER).andThen(deferred()));
        data.copy(domain, TODAY_NOON, marked(SpamLevel.HIGH, SpamAction.DELETE));
        data.copy(domain, TODAY_NOON, marked(SpamLevel.HIGH, SpamAction.DELETE).andThen(d -> d.release(TODAY_NOON)));
        data.copy(domain, TODAY_NOON, marked(SpamLevel.NONE, SpamAction.NONE).andThen(delivered()));

        assertEquals(Map.of(
                TODAY + " SPAM_LOW", 1L,
                TODAY + " SPAM_MED", 1L,
                TODAY + " SPAM_HIGH", 2L,
                TODAY + " DELIVERED", 1L), countsOf(domain, TODAY, TODAY));
    }

    @Test
    void aVirusCountsForTheDomainOnTheDayItWasRefused() {
        HostedDomain domain = data.domain(data.customer("Traffic Virus"));
        refused(domain, TODAY_NOON, Stage.VIRUS_SCAN);
        refused(domain, TODAY_NOON.plusSeconds(1), Stage.VIRUS_SCAN);
        refused(domain, YESTERDAY_NOON, Stage.VIRUS_SCAN);

        assertEquals(Map.of(TODAY + " VIRUS", 2L, YESTERDAY + " VIRUS", 1L), countsOf(domain, YESTERDAY, TODAY));
    }

    @Test
    void greylistedCountsTheTripletsForTheDomainsRecipientsFirstSeenThatDay() {
        HostedDomain domain = data.domain(data.customer("Traffic Greylist"));
        firstSeen("a@" + domain.getName(), "one@elsewhere.example", TODAY_NOON);
        firstSeen("b@" + domain.getName(), "one@elsewhere.example", TODAY_NOON);
        firstSeen("B@" + domain.getName().toUpperCase(), "two@elsewhere.example", TODAY_NOON);
        firstSeen("a@" + domain.getName(), "one@elsewhere.example", TODAY_NOON.plusSeconds(10));
        firstSeen("a@" + domain.getName(), "three@elsewhere.example", YESTERDAY_NOON);
        firstSeen("a@mail." + domain.getName(), "one@elsewhere.example", TODAY_NOON);

        assertEquals(Map.of(TODAY + " GREYLISTED", 3L, YESTERDAY + " GREYLISTED", 1L), countsOf(domain, YESTERDAY, TODAY),
                "a retry is the same triplet, and a subdomain is another domain");
    }

    @Test
    void aDayStartsAtMidnightUtc() {
        HostedDomain domain = data.domain(data.customer("Traffic Midnight"));
        Instant midnight = TODAY.atStartOfDay(ZoneOffset.UTC).toInstant();
        data.copy(domain, midnight, delivered());
        data.copy(domain, midnight.minusSeconds(1), delivered());

        assertEquals(Map.of(TODAY + " DELIVERED", 1L, YESTERDAY + " DELIVERED", 1L), countsOf(domain, YESTERDAY, TODAY));
    }

    @Test
    void onlyTheDaysAskedForAreCounted() {
        HostedDomain domain = data.domain(data.customer("Traffic Range"));
        LocalDate firstDay = TODAY.minusDays(29);
        data.copy(domain, noonOf(firstDay), delivered());
        data.copy(domain, noonOf(firstDay.minusDays(1)), delivered());
        refused(domain, noonOf(firstDay.minusDays(1)), Stage.VIRUS_SCAN);
        firstSeen("a@" + domain.getName(), "old@elsewhere.example", noonOf(firstDay.minusDays(1)));

        assertEquals(Map.of(firstDay + " DELIVERED", 1L), countsOf(domain, firstDay, TODAY));
    }

    @Test
    void aCustomerGetsTheCountsOfEachOfTheirDomainsAndNoneOfAnotherCustomers() {
        Customer customer = data.customer("Traffic Owner");
        HostedDomain first = data.domain(customer);
        HostedDomain second = data.domain(customer);
        HostedDomain others = data.domain(data.customer("Traffic Stranger"));
        for (HostedDomain domain : List.of(first, second, others)) {
            data.copy(domain, TODAY_NOON, delivered());
            refused(domain, TODAY_NOON, Stage.VIRUS_SCAN);
            firstSeen("a@" + domain.getName(), "one@elsewhere.example", TODAY_NOON);
        }
        data.copy(second, TODAY_NOON, delivered());

        List<DailyCount> counts = data.inTransaction(em -> new MailTraffic(em).perDay(customer.getId(), TODAY, TODAY));

        assertEquals(List.of(
                new DailyCount(first.getName(), TODAY, MailOutcome.DELIVERED, 1),
                new DailyCount(first.getName(), TODAY, MailOutcome.VIRUS, 1),
                new DailyCount(first.getName(), TODAY, MailOutcome.GREYLISTED, 1),
                new DailyCount(second.getName(), TODAY, MailOutcome.DELIVERED, 2),
                new DailyCount(second.getName(), TODAY, MailOutcome.VIRUS, 1),
                new DailyCount(second.getName(), TODAY, MailOutcome.GREYLISTED, 1)), counts,
                "by domain, day and outcome");
    }

    /** The domain's counts as "day OUTCOME" to count. */
    private static Map<String, Long> countsOf(HostedDomain domain, LocalDate firstDay, LocalDate lastDay) {
        long customerId = domain.getCustomer().getId();
        return data.inTransaction(em -> new MailTraffic(em).perDay(customerId, firstDay, lastDay))
                .stream()
                .filter(count -> count.domain().equals(domain.getName()))
                .collect(Collectors.toMap(count -> count.day() + " " + count.outcome(), DailyCount::count));
    }

    private static Consumer<Delivery> delivered() {
        return d -> d.delivered(d.getMessage().getReceivedAt().plusSeconds(5));
    }

    private static Consumer<Delivery> deferred() {
        return d -> d.deferred("451 4.3.0 try again later", RetrySchedule.DEFAULT, d.getMessage().getReceivedAt());
    }

    /** Deferred once more when its queue lifetime is over: it expires. */
    private static Consumer<Delivery> expiredAt(Instant when) {
        return d -> d.deferred("connection refused", RetrySchedule.DEFAULT, when);
    }

    private static Consumer<Delivery> marked(SpamLevel level, SpamAction action) {
        String text = action == SpamAction.SUBJECT ? "[SPAM] " : null;
        return d -> d.markAsSpam(new SpamMark(7.5, level, action, text), A_WEEK);
    }

    private static void refused(HostedDomain domain, Instant when, Stage stage) {
        data.inTransaction(em -> {
            em.persist(new Refusal(when, em.merge(domain), "192.0.2.7", "sender@elsewhere.example", stage, "Eicar-Signature"));
            return null;
        });
    }

    /** Greylisting sees the triplet at that time, as the relay's RCPT TO does. */
    private static void firstSeen(String recipient, String sender, Instant when) {
        data.inTransaction(em ->
                new Greylist(em, GreylistSettings.DEFAULTS).check(Triplet.of("198.51.100.7", sender, recipient), when));
    }

    private static Instant noonOf(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }
}
