package net.smtpfeed.domain.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import net.smtpfeed.domain.audit.AuditEntry;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.hosting.CustomerDomains;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.hosting.MailSettings;
import net.smtpfeed.domain.spam.SpamAction;
import net.smtpfeed.domain.spam.SpamLevel;
import net.smtpfeed.domain.spam.SpamPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer's own domains and their settings (H2 here; MySQL with -Pmysql): found only by their owner, changed with
 * one audit entry per changed setting in the same transaction, and each domain's history newest first.
 */
class CustomerDomainsTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

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
    void aCustomerFindsTheirOwnDomainsByNameAndNotAnotherCustomers() {
        Customer customer = data.customer("Domains Owner");
        HostedDomain mine = data.domain(customer);
        HostedDomain theirs = data.domain(data.customer("Domains Stranger"));

        assertTrue(inTransaction(domains -> domains.find(customer.getId(), mine.getName())).isPresent());
        assertTrue(inTransaction(domains -> domains.find(customer.getId(), theirs.getName())).isEmpty());
        assertEquals(List.of(mine.getName()),
                inTransaction(domains -> domains.of(customer.getId())).stream().map(HostedDomain::getName).toList());
    }

    @Test
    void newSettingsAreInForceAndEachChangedSettingIsAuditedWithItsOldAndNewValue() {
        HostedDomain domain = data.domain(data.customer("Domains Change"));
        MailSettings wanted = new MailSettings(false, true, SpamPolicy.defaults()
                .withAction(SpamLevel.MED, SpamAction.DELETE).withThresholds(3.0, 6.5, 10.0));

        int changed = change(domain, wanted, "carla");

        assertEquals(4, changed);
        assertEquals(wanted, inTransaction(domains -> domains.find(customerOf(domain), domain.getName()))
                .orElseThrow().getMailSettings());
        List<String> entries = history(domain).stream()
                .map(e -> e.getActor() + " " + e.getSubject() + " " + e.getChange() + ": " + e.getOldValue() + " -> "
                        + e.getNewValue())
                .sorted().toList();
        assertEquals(List.of(
                "carla domain " + domain.getName() + " greylisting: on -> off",
                "carla domain " + domain.getName() + " spam.checking: off -> on",
                "carla domain " + domain.getName() + " spam.med.action: SUBJECT -> DELETE",
                "carla domain " + domain.getName() + " spam.med.threshold: 5.0 -> 6.5"), entries);
        assertTrue(history(domain).stream().allMatch(e -> e.getOccurredAt().equals(NOW)));
    }

    @Test
    void savingUnchangedSettingsRecordsNothing() {
        HostedDomain domain = data.domain(data.customer("Domains Unchanged"));

        assertEquals(0, change(domain, domain.getMailSettings(), "carla"));
        assertEquals(List.of(), history(domain));
    }

    @Test
    void aDomainsHistoryIsItsOwnNewestFirst() {
        Customer customer = data.customer("Domains History");
        HostedDomain domain = data.domain(customer);
        HostedDomain sibling = data.domain(customer);
        MailSettings spamChecked = new MailSettings(true, true, SpamPolicy.defaults());
        change(domain, spamChecked, "carla");
        change(domain, new MailSettings(true, true, SpamPolicy.defaults().withSubjectText(SpamLevel.LOW, "[maybe] ")), "dave");
        change(sibling, spamChecked, "carla");

        List<String> history = history(domain).stream().map(e -> e.getActor() + " " + e.getChange()).toList();

        assertEquals(List.of("dave spam.low.subject", "carla spam.checking"), history);
    }

    private static int change(HostedDomain domain, MailSettings wanted, String actor) {
        return inTransaction(domains -> domains.changeMailSettings(
                domains.find(customerOf(domain), domain.getName()).orElseThrow(), wanted, actor, NOW));
    }

    private static List<AuditEntry> history(HostedDomain domain) {
        return inTransaction(domains -> domains.history(
                domains.find(customerOf(domain), domain.getName()).orElseThrow(), 100));
    }

    private static long customerOf(HostedDomain domain) {
        return domain.getCustomer().getId();
    }

    private static <T> T inTransaction(Function<CustomerDomains, T> work) {
        return data.inTransaction(em -> work.apply(new CustomerDomains(em)));
    }
}
