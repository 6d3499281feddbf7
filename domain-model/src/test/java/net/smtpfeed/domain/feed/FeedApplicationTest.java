package net.smtpfeed.domain.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.feed.FeedApplication.Field;
import net.smtpfeed.domain.feed.FeedApplication.Invalid;
import net.smtpfeed.domain.feed.FeedApplication.LevelChoice;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.DomainName;
import net.smtpfeed.domain.spam.SpamAction;
import net.smtpfeed.domain.spam.SpamLevel;
import net.smtpfeed.domain.spam.SpamPolicy;
import org.junit.jupiter.api.Test;

class FeedApplicationTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Customer CUSTOMER = new Customer("Customer Example Ltd", NOW);
    private static final DestinationRules RULES = new DestinationRules(List.of("198.51.100.7"), "198.51.100.7", 25, false);
    private static final Function<DomainName, DomainClaim> NOBODY_HOLDS_IT = domain -> DomainClaim.FREE;
    private static final List<LevelChoice> DEFAULT_LEVELS = List.of(
            new LevelChoice(SpamLevel.LOW, 3.0, SpamAction.SUBJECT, "[SPAM: low] "),
            new LevelChoice(SpamLevel.MED, 5.0, SpamAction.SUBJECT, "[SPAM: med] "),
            new LevelChoice(SpamLevel.HIGH, 10.0, SpamAction.DELETE, "[SPAM: high] "));

    @Test
    void aFeedToAPublicServerWithTheDefaultsBecomesASubmittedRequest() {
        FeedApplication application = new FeedApplication("New.Example", "192.0.2.25", null, true, false, DEFAULT_LEVELS);

        assertEquals(Map.of(), application.problems(RULES, NOBODY_HOLDS_IT));
        FeedRequest request = application.toRequest(CUSTOMER, RULES, NOBODY_HOLDS_IT, "customer", NOW);
        assertEquals("new.example", request.getDomainName());
        assertEquals(new Destination("192.0.2.25", 25), request.getDestination());
        assertEquals(FeedRequestState.SUBMITTED, request.getState());
        assertEquals(SpamPolicy.defaults(), request.getSpamPolicy());
    }

    @Test
    void aDomainNameMustHaveTheSyntaxOfOne() {
        assertEquals(Map.of(Field.DOMAIN, Invalid.NOT_A_DOMAIN_NAME), problems("not a domain", "192.0.2.25"));
        assertEquals(Map.of(Field.DOMAIN, Invalid.NOT_A_DOMAIN_NAME), problems("localhost", "192.0.2.25"));
        assertEquals(Map.of(Field.DOMAIN, Invalid.NOT_A_DOMAIN_NAME), problems("", "192.0.2.25"));
    }

    @Test
    void aDomainSomebodyHoldsIsReportedWithWhoHoldsIt() {
        FeedApplication application = new FeedApplication("other.example", "192.0.2.25", 25, true, false, DEFAULT_LEVELS);

        assertEquals(Map.of(Field.DOMAIN, DomainClaim.HELD_BY_ANOTHER_CUSTOMER),
                application.problems(RULES, domain -> DomainClaim.HELD_BY_ANOTHER_CUSTOMER));
        assertEquals(Map.of(Field.DOMAIN, DomainClaim.HOSTED_FOR_CUSTOMER),
                application.problems(RULES, domain -> DomainClaim.HOSTED_FOR_CUSTOMER));
    }

    @Test
    void aHostNameInsteadOfAnIpAddressIsReportedAtTheAddress() {
        assertEquals(Map.of(Field.ADDRESS, DestinationRules.Refusal.NOT_AN_IP_ADDRESS),
                problems("new.example", "mail.new.example"));
    }

    @Test
    void aPortOutOfRangeIsReportedAtThePort() {
        FeedApplication application = new FeedApplication("new.example", "192.0.2.25", 70000, true, false, DEFAULT_LEVELS);
        assertEquals(Map.of(Field.PORT, DestinationRules.Refusal.PORT_OUT_OF_RANGE),
                application.problems(RULES, NOBODY_HOLDS_IT));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        FeedApplication application = new FeedApplication("bad name", "10.0.0.25", 25, true, false, DEFAULT_LEVELS);
        assertEquals(Map.of(Field.DOMAIN, Invalid.NOT_A_DOMAIN_NAME, Field.ADDRESS,
                DestinationRules.Refusal.PRIVATE_ADDRESS), application.problems(RULES, NOBODY_HOLDS_IT));
    }

    @Test
    void changedSpamSettingsAreKeptWhenSpamCheckingIsAskedFor() {
        FeedApplication application = new FeedApplication("new.example", "192.0.2.25", 25, true, true, List.of(
                new LevelChoice(SpamLevel.LOW, 4.0, SpamAction.HEADER, "[SPAM: low] "),
                new LevelChoice(SpamLevel.MED, 6.5, SpamAction.SUBJECT, "[probably spam] "),
                new LevelChoice(SpamLevel.HIGH, 12.0, SpamAction.SUBJECT, "[SPAM] ")));

        SpamPolicy policy = application.toRequest(CUSTOMER, RULES, NOBODY_HOLDS_IT, "customer", NOW).getSpamPolicy();

        assertEquals(4.0, policy.threshold(SpamLevel.LOW));
        assertEquals(6.5, policy.threshold(SpamLevel.MED));
        assertEquals(SpamAction.HEADER, policy.actionFor(SpamLevel.LOW));
        assertEquals(SpamAction.SUBJECT, policy.actionFor(SpamLevel.HIGH));
        assertEquals("[probably spam] ", policy.subjectTextFor(SpamLevel.MED));
    }

    @Test
    void spamSettingsAreIgnoredWhenSpamCheckingIsNotAskedFor() {
        FeedApplication application = new FeedApplication("new.example", "192.0.2.25", 25, true, false, List.of(
                new LevelChoice(SpamLevel.LOW, 9.0, SpamAction.DELETE, ""),
                new LevelChoice(SpamLevel.MED, 5.0, SpamAction.SUBJECT, ""),
                new LevelChoice(SpamLevel.HIGH, 1.0, SpamAction.DELETE, "")));

        assertEquals(Map.of(), application.problems(RULES, NOBODY_HOLDS_IT));
        assertEquals(SpamPolicy.defaults(),
                application.toRequest(CUSTOMER, RULES, NOBODY_HOLDS_IT, "customer", NOW).getSpamPolicy());
    }

    @Test
    void thresholdsMustRiseFromLowToHigh() {
        FeedApplication application = new FeedApplication("new.example", "192.0.2.25", 25, true, true, List.of(
                new LevelChoice(SpamLevel.LOW, 5.0, SpamAction.SUBJECT, "[SPAM: low] "),
                new LevelChoice(SpamLevel.MED, 5.0, SpamAction.SUBJECT, "[SPAM: med] "),
                new LevelChoice(SpamLevel.HIGH, 10.0, SpamAction.DELETE, "[SPAM: high] ")));
        assertEquals(Map.of(Field.THRESHOLDS, Invalid.THRESHOLDS_NOT_RISING), application.problems(RULES, NOBODY_HOLDS_IT));
    }

    @Test
    void aSubjectTextIsNeededWhereTheActionPutsItInTheSubject() {
        FeedApplication application = new FeedApplication("new.example", "192.0.2.25", 25, true, true, List.of(
                new LevelChoice(SpamLevel.LOW, 3.0, SpamAction.SUBJECT, " "),
                new LevelChoice(SpamLevel.MED, 5.0, SpamAction.HEADER, ""),
                new LevelChoice(SpamLevel.HIGH, 10.0, SpamAction.DELETE, "x".repeat(41))));
        assertEquals(Map.of(Field.LOW_TEXT, Invalid.SUBJECT_TEXT_INVALID, Field.HIGH_TEXT, Invalid.SUBJECT_TEXT_INVALID),
                application.problems(RULES, NOBODY_HOLDS_IT));
    }

    @Test
    void anApplicationWithProblemsNeverBecomesARequest() {
        FeedApplication application = new FeedApplication("new.example", "mail.new.example", 25, true, false,
                DEFAULT_LEVELS);
        assertThrows(IllegalArgumentException.class,
                () -> application.toRequest(CUSTOMER, RULES, NOBODY_HOLDS_IT, "customer", NOW));
    }

    private static Map<Field, Enum<?>> problems(String domain, String address) {
        return new FeedApplication(domain, address, 25, true, false, DEFAULT_LEVELS).problems(RULES, NOBODY_HOLDS_IT);
    }
}
