package net.smtpfeed.domain.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.hosting.DeliveryMode;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.DomainName;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.spam.SpamAction;
import net.smtpfeed.domain.spam.SpamLevel;
import net.smtpfeed.domain.spam.SpamPolicy;
import org.junit.jupiter.api.Test;

class FeedRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(600);
    private static final ConnectionTestResult PASSED = new ConnectionTestResult(true, "accepts mail",
            List.of("S: 220 mx.pending.example ESMTP", "C: EHLO relay.isp.example", "S: 250 mx.pending.example"));
    private static final ConnectionTestResult FAILED = new ConnectionTestResult(false, "connection refused", List.of());
    private static final SpamPolicy HEADERS_ONLY = SpamPolicy.defaults().withAction(SpamLevel.HIGH, SpamAction.HEADER);

    private final Customer customer = new Customer("Customer Example Ltd", NOW);
    private final FeedRequest request = new FeedRequest(customer, DomainName.of("pending.example"),
            new Destination("192.0.2.25", 2526), false, true, HEADERS_ONLY, "customer", NOW);

    @Test
    void aNewRequestIsSubmittedAndWaitsForStaff() {
        assertEquals(FeedRequestState.SUBMITTED, request.getState());
        assertTrue(request.getState().isOpen());
        assertNull(request.getLastTest());
        assertNull(request.getDecision());
    }

    @Test
    void theAuditLogDescribesTheFeedAskedForInOneLine() {
        assertEquals("pending.example to 192.0.2.25:2526, greylisting off, spam checking on", request.describe());
    }

    @Test
    void theFirstConnectionTestPutsTheRequestInTestAndIsKept() {
        request.recordConnectionTest(PASSED, "staff", LATER);

        assertEquals(FeedRequestState.IN_TEST, request.getState());
        assertTrue(request.getLastTest().isPassed());
        assertEquals("accepts mail", request.getLastTest().getVerdict());
        assertEquals(PASSED.transcript(), request.getLastTest().getTranscript());
        assertEquals("staff", request.getLastTest().getTestedBy());
        assertEquals(LATER, request.getLastTest().getTestedAt());
    }

    @Test
    void staffMayTestAgainAndTheLastTestCounts() {
        request.recordConnectionTest(FAILED, "staff", NOW);
        request.recordConnectionTest(PASSED, "staff", LATER);

        assertEquals(FeedRequestState.IN_TEST, request.getState());
        assertTrue(request.isReadyForApproval());
    }

    @Test
    void approvalMakesTheDomainLiveWithTheDestinationAndSettingsAskedFor() {
        request.recordConnectionTest(PASSED, "staff", NOW);

        HostedDomain domain = request.approve("staff", LATER);

        assertEquals(FeedRequestState.APPROVED, request.getState());
        assertEquals("staff", request.getDecision().getDecidedBy());
        assertEquals(LATER, request.getDecision().getDecidedAt());
        assertEquals("pending.example", domain.getName());
        assertTrue(domain.acceptsMail());
        assertEquals(DeliveryMode.FEED, domain.getDeliveryMode());
        assertEquals(new Destination("192.0.2.25", 2526), domain.getDestination());
        assertFalse(domain.isGreylisting());
        assertTrue(domain.isSpamChecking());
        assertEquals(HEADERS_ONLY, domain.getSpamPolicy());
        assertEquals(HostedDomain.DEFAULT_QUEUE_LIFETIME, domain.getQueueLifetime());
    }

    @Test
    void aRequestNeverTestedCannotBeApproved() {
        assertThrows(IllegalStateException.class, () -> request.approve("staff", NOW));
        assertEquals(FeedRequestState.SUBMITTED, request.getState());
    }

    @Test
    void aRequestWhoseLastTestFailedCannotBeApproved() {
        request.recordConnectionTest(PASSED, "staff", NOW);
        request.recordConnectionTest(FAILED, "staff", LATER);

        assertFalse(request.isReadyForApproval());
        assertThrows(IllegalStateException.class, () -> request.approve("staff", LATER));
        assertEquals(FeedRequestState.IN_TEST, request.getState());
    }

    @Test
    void aRejectionKeepsItsReasonAndWhoDecided() {
        request.reject(" your server refused our test ", "staff", LATER);

        assertEquals(FeedRequestState.REJECTED, request.getState());
        assertEquals("your server refused our test", request.getDecision().getRejectionReason());
        assertEquals("staff", request.getDecision().getDecidedBy());
    }

    @Test
    void aRejectionWithoutAReasonIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> request.reject(" ", "staff", NOW));
        assertThrows(IllegalArgumentException.class, () -> request.reject(null, "staff", NOW));
        assertEquals(FeedRequestState.SUBMITTED, request.getState());
        assertNull(request.getDecision());
    }

    @Test
    void aDecidedRequestCannotBeDecidedOrTestedAgain() {
        request.recordConnectionTest(PASSED, "staff", NOW);
        request.approve("staff", NOW);

        assertThrows(IllegalStateException.class, () -> request.reject("late", "staff", LATER));
        assertThrows(IllegalStateException.class, () -> request.recordConnectionTest(PASSED, "staff", LATER));
        assertThrows(IllegalStateException.class, () -> request.approve("staff", LATER));
        assertEquals(FeedRequestState.APPROVED, request.getState());
    }

    @Test
    void onlyForwardMovesAreAllowedAndApprovalOnlyFromTest() {
        assertTrue(FeedRequestState.SUBMITTED.mayMoveTo(FeedRequestState.IN_TEST));
        assertTrue(FeedRequestState.SUBMITTED.mayMoveTo(FeedRequestState.REJECTED));
        assertFalse(FeedRequestState.SUBMITTED.mayMoveTo(FeedRequestState.APPROVED));
        assertFalse(FeedRequestState.IN_TEST.mayMoveTo(FeedRequestState.SUBMITTED));
        assertFalse(FeedRequestState.SUBMITTED.mayMoveTo(FeedRequestState.SUBMITTED));
        assertTrue(FeedRequestState.APPROVED.isFinal());
        assertTrue(FeedRequestState.REJECTED.isFinal());
        assertEquals(Set.of(FeedRequestState.SUBMITTED, FeedRequestState.IN_TEST), FeedRequestState.open());
    }

    @Test
    void aLongTranscriptIsCutToWhatIsKept() {
        List<String> chatty = Collections.nCopies(500, "S: 250-SOMETHING-THE-SERVER-OFFERS");
        request.recordConnectionTest(new ConnectionTestResult(true, "accepts mail", chatty), "staff", NOW);

        List<String> kept = request.getLastTest().getTranscript();
        assertTrue(String.join("\n", kept).length() <= ConnectionTest.MAX_TRANSCRIPT_LENGTH);
        assertEquals("…", kept.get(kept.size() - 1));
    }
}
