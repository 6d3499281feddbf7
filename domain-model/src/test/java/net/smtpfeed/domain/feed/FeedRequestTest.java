package net.smtpfeed.domain.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.DomainName;
import org.junit.jupiter.api.Test;

class FeedRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private final FeedRequest request = new FeedRequest(new Customer("Customer Example Ltd", NOW),
            DomainName.of("pending.example"), new Destination("192.0.2.25", 25), true, false, "customer", NOW);

    @Test
    void aNewRequestIsSubmitted() {
        assertEquals(FeedRequestState.SUBMITTED, request.getState());
    }

    @Test
    void staffMayTestThenApprove() {
        request.moveTo(FeedRequestState.IN_TEST, null, NOW);
        assertNull(request.getDecidedAt());
        request.moveTo(FeedRequestState.APPROVED, null, NOW);
        assertEquals(FeedRequestState.APPROVED, request.getState());
        assertEquals(NOW, request.getDecidedAt());
    }

    @Test
    void aRejectionKeepsItsReason() {
        request.moveTo(FeedRequestState.REJECTED, " your server refused our test ", NOW);
        assertEquals("your server refused our test", request.getRejectionReason());
    }

    @Test
    void aRejectionWithoutAReasonIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> request.moveTo(FeedRequestState.REJECTED, " ", NOW));
        assertEquals(FeedRequestState.SUBMITTED, request.getState());
    }

    @Test
    void aDecidedRequestCannotMoveAgain() {
        request.moveTo(FeedRequestState.APPROVED, null, NOW);
        assertThrows(IllegalStateException.class, () -> request.moveTo(FeedRequestState.REJECTED, "late", NOW));
    }

    @Test
    void onlyForwardMovesAreAllowed() {
        assertTrue(FeedRequestState.SUBMITTED.mayMoveTo(FeedRequestState.IN_TEST));
        assertFalse(FeedRequestState.IN_TEST.mayMoveTo(FeedRequestState.SUBMITTED));
        assertFalse(FeedRequestState.SUBMITTED.mayMoveTo(FeedRequestState.SUBMITTED));
        assertTrue(FeedRequestState.APPROVED.isFinal());
        assertTrue(FeedRequestState.REJECTED.isFinal());
    }
}
