package net.smtpfeed.portal.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Stream;
import net.smtpfeed.domain.feed.DestinationRules;
import net.smtpfeed.domain.feed.DomainClaim;
import net.smtpfeed.domain.feed.FeedApplication;
import net.smtpfeed.domain.feed.FeedRequestState;
import net.smtpfeed.domain.hosting.DeliveryMode;
import net.smtpfeed.domain.hosting.DomainStatus;
import net.smtpfeed.domain.request.CustomerRequest;
import net.smtpfeed.domain.request.CustomerRequestState;
import net.smtpfeed.domain.request.CustomerRequestType;
import net.smtpfeed.domain.request.Reason;
import net.smtpfeed.domain.spam.SpamAction;
import org.junit.jupiter.api.Test;

/**
 * The request pages look labels up by the name of a state, a type or a problem, which PageLabelsTest cannot see in the
 * pages: every value that can reach a page has its label.
 */
class RequestLabelsTest {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("net.smtpfeed.portal.i18n.messages",
            Locale.ENGLISH);
    private static final RequestDisplay DISPLAY = new RequestDisplay();

    @Test
    void everyProblemOfAFeedRequestHasItsMessage() {
        assertAllLabelled(Stream.of(FeedApplication.Invalid.values(), DomainClaim.values(),
                        DestinationRules.Refusal.values()).flatMap(Stream::of).filter(p -> p != DomainClaim.FREE),
                problem -> "feedRequest.problem." + problem.name());
    }

    @Test
    void everyProblemOfAnotherRequestAndOfARejectionHasItsMessage() {
        assertAllLabelled(Stream.of(CustomerRequest.Invalid.values(), Reason.Problem.values()).flatMap(Stream::of),
                problem -> "customerRequest.problem." + problem.name());
        assertAllLabelled(Stream.of(Reason.Problem.values()), problem -> "review.problem." + problem.name());
    }

    @Test
    void everyOutcomeOfAStaffActionThatChangesNothingIsExplained() {
        assertAllLabelled(Stream.of(RequestInbox.Outcome.values()).filter(o -> o != RequestInbox.Outcome.DONE),
                outcome -> "review.outcome." + DISPLAY.name(outcome));
    }

    @Test
    void everyStateAndTypeHasItsLabel() {
        assertAllLabelled(Stream.of(FeedRequestState.values(), CustomerRequestState.values()).flatMap(Stream::of),
                DISPLAY::stateKey);
        assertAllLabelled(Stream.of(FeedRequestState.open().toArray(Enum<?>[]::new)),
                state -> "requests.note." + DISPLAY.name(state));
        assertAllLabelled(Stream.of(CustomerRequestType.values()), DISPLAY::typeKey);
    }

    @Test
    void everySpamActionDomainStatusAndModeHasItsLabel() {
        assertAllLabelled(Stream.of(SpamAction.values()), action -> "feedRequest.action." + action.name());
        assertAllLabelled(Stream.of(DomainStatus.values()), status -> "domains.status." + DISPLAY.name(status));
        assertAllLabelled(Stream.of(DeliveryMode.values()), mode -> "domains.mode." + DISPLAY.name(mode));
    }

    @Test
    void aStatesBadgeIsNamedForIt() {
        assertEquals("badge badge-in-test", DISPLAY.stateClass(FeedRequestState.IN_TEST));
        assertEquals("request.state.in_test", DISPLAY.stateKey(FeedRequestState.IN_TEST));
        assertEquals("In test", BUNDLE.getString(DISPLAY.stateKey(FeedRequestState.IN_TEST)));
    }

    private static <T extends Enum<?>> void assertAllLabelled(Stream<T> values, Function<T, String> key) {
        List<String> missing = values.map(key).filter(k -> !BUNDLE.containsKey(k)).toList();
        assertEquals(List.of(), missing);
    }
}
