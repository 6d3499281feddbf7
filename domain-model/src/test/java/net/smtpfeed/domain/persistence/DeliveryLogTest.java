package net.smtpfeed.domain.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.DeliveryLog;
import net.smtpfeed.domain.mail.DeliveryLog.Filter;
import net.smtpfeed.domain.mail.DeliveryState;
import net.smtpfeed.domain.mail.RetrySchedule;
import net.smtpfeed.domain.spam.SpamAction;
import net.smtpfeed.domain.spam.SpamLevel;
import net.smtpfeed.domain.spam.SpamMark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The message log and the customer's queue, filtered and paged by the database (H2 here; MySQL with -Pmysql): each
 * filter narrows the count and the pages alike, and a customer only ever finds copies for their own domains.
 */
class DeliveryLogTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final Instant TODAY_NOON = TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC);
    private static final Consumer<Delivery> QUEUED = d -> { };

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
    void theLogListsTheCustomersCopiesNewestFirstAndNeverAnotherCustomers() {
        Customer customer = data.customer("Log Owner");
        HostedDomain mine = data.domain(customer);
        HostedDomain alsoMine = data.domain(customer);
        long first = data.copy(mine, TODAY_NOON, QUEUED);
        long second = data.copy(alsoMine, TODAY_NOON, QUEUED);
        data.copy(data.domain(data.customer("Log Stranger")), TODAY_NOON, QUEUED);

        Filter all = Filter.all(customer.getId());

        assertEquals(List.of(second, first), ids(page(all, 0, 10)));
        assertEquals(2, count(all));
    }

    @Test
    void theDateRangeTakesWholeUtcDaysFromTheFirstToTheLastDayIncluded() {
        HostedDomain domain = data.domain(data.customer("Log Dates"));
        Instant midnight = TODAY.atStartOfDay(ZoneOffset.UTC).toInstant();
        long threeDaysAgo = data.copy(domain, midnight.minusSeconds(3 * 86_400), QUEUED);
        long lastSecondOfTheDayBefore = data.copy(domain, midnight.minusSeconds(1), QUEUED);
        long firstSecondOfToday = data.copy(domain, midnight, QUEUED);
        long customerId = domain.getCustomer().getId();

        assertEquals(List.of(firstSecondOfToday), ids(page(between(customerId, TODAY, TODAY), 0, 10)));
        assertEquals(List.of(lastSecondOfTheDayBefore),
                ids(page(between(customerId, TODAY.minusDays(1), TODAY.minusDays(1)), 0, 10)));
        assertEquals(List.of(lastSecondOfTheDayBefore, threeDaysAgo),
                ids(page(between(customerId, null, TODAY.minusDays(1)), 0, 10)), "open at the start");
        assertEquals(List.of(firstSecondOfToday, lastSecondOfTheDayBefore),
                ids(page(between(customerId, TODAY.minusDays(1), null), 0, 10)), "open at the end");
        assertEquals(1, count(between(customerId, TODAY, TODAY)));
    }

    @Test
    void senderAndRecipientMatchAnywhereInTheAddressWhateverTheCase() {
        HostedDomain domain = data.domain(data.customer("Log Addresses"));
        long fromShop = data.copy(domain, "alice", "Orders@Shop.example", TODAY_NOON, QUEUED);
        long toBob = data.copy(domain, "bob", "news@paper.example", TODAY_NOON, QUEUED);
        long customerId = domain.getCustomer().getId();

        assertEquals(List.of(fromShop), ids(page(new Filter(customerId, null, null, "shop.EX", null, Set.of()), 0, 10)));
        assertEquals(List.of(toBob), ids(page(new Filter(customerId, null, null, null, "BOB@", Set.of()), 0, 10)));
        assertEquals(List.of(), ids(page(new Filter(customerId, null, null, "shop", "bob", Set.of()), 0, 10)),
                "both must match");
        assertEquals(2, count(new Filter(customerId, null, null, "  ", "", Set.of())), "blank text does not filter");
    }

    @Test
    void likeWildcardsInTheTextAreMatchedAsThemselves() {
        HostedDomain domain = data.domain(data.customer("Log Wildcards"));
        long underscore = data.copy(domain, "first_last", "a@elsewhere.example", TODAY_NOON, QUEUED);
        data.copy(domain, "firstXlast", "a@elsewhere.example", TODAY_NOON, QUEUED);
        long customerId = domain.getCustomer().getId();

        assertEquals(List.of(underscore), ids(page(new Filter(customerId, null, null, null, "first_last", Set.of()), 0, 10)));
        assertEquals(0, count(new Filter(customerId, null, null, null, "100%", Set.of())));
    }

    @Test
    void theOutcomeFilterTakesTheCopiesInThatStateQuarantineIncluded() {
        HostedDomain domain = data.domain(data.customer("Log States"));
        long delivered = data.copy(domain, TODAY_NOON, d -> d.delivered(TODAY_NOON));
        long deferred = data.copy(domain, TODAY_NOON, d -> d.deferred("451 later", RetrySchedule.DEFAULT, TODAY_NOON));
        long quarantined = data.copy(domain, TODAY_NOON, d -> d.markAsSpam(
                new SpamMark(20, SpamLevel.HIGH, SpamAction.DELETE, null), Duration.ofDays(7)));
        long customerId = domain.getCustomer().getId();

        assertEquals(List.of(delivered), ids(page(inState(customerId, DeliveryState.DELIVERED), 0, 10)));
        assertEquals(List.of(deferred), ids(page(inState(customerId, DeliveryState.DEFERRED), 0, 10)));
        assertEquals(List.of(quarantined), ids(page(inState(customerId, DeliveryState.QUARANTINED), 0, 10)));
        assertEquals(0, count(inState(customerId, DeliveryState.BOUNCED)));
    }

    @Test
    void theQueueIsTheCopiesStillWaitingForDelivery() {
        HostedDomain domain = data.domain(data.customer("Log Queue"));
        long queued = data.copy(domain, TODAY_NOON, QUEUED);
        long deferred = data.copy(domain, TODAY_NOON, d -> d.deferred("451 later", RetrySchedule.DEFAULT, TODAY_NOON));
        data.copy(domain, TODAY_NOON, d -> d.delivered(TODAY_NOON));
        data.copy(domain, TODAY_NOON, d -> d.bounced("550 no", TODAY_NOON));

        Filter pending = Filter.pending(domain.getCustomer().getId());

        assertEquals(List.of(deferred, queued), ids(page(pending, 0, 10)));
        assertEquals(2, count(pending));
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeatsUnderAFilter() {
        HostedDomain domain = data.domain(data.customer("Log Pages"));
        List<Long> wanted = IntStream.range(0, 7)
                .mapToObj(i -> data.copy(domain, "wanted" + i, "a@elsewhere.example", TODAY_NOON, QUEUED))
                .toList();
        data.copy(domain, "other", "a@elsewhere.example", TODAY_NOON, QUEUED);
        Filter filter = new Filter(domain.getCustomer().getId(), null, null, null, "wanted", Set.of());

        List<Long> pages = new ArrayList<>();
        pages.addAll(ids(page(filter, 0, 3)));
        pages.addAll(ids(page(filter, 3, 3)));
        List<Long> last = ids(page(filter, 6, 3));
        pages.addAll(last);

        assertEquals(7, count(filter));
        assertEquals(1, last.size());
        List<Long> newestFirst = new ArrayList<>(wanted);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, pages);
    }

    private static Filter between(long customerId, LocalDate from, LocalDate to) {
        return new Filter(customerId, from, to, null, null, Set.of());
    }

    private static Filter inState(long customerId, DeliveryState state) {
        return new Filter(customerId, null, null, null, null, Set.of(state));
    }

    private static List<Delivery> page(Filter filter, int first, int max) {
        return data.inTransaction(em -> new DeliveryLog(em).page(filter, first, max));
    }

    private static long count(Filter filter) {
        return data.inTransaction(em -> new DeliveryLog(em).count(filter));
    }

    private static List<Long> ids(List<Delivery> deliveries) {
        return deliveries.stream().map(Delivery::getId).toList();
    }
}
