package net.smtpfeed.domain.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.DomainName;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.spam.SpamAction;
import net.smtpfeed.domain.spam.SpamLevel;
import net.smtpfeed.domain.spam.SpamMark;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-28T12:00:00Z");

    private final HostedDomain domain = HostedDomain.feed(DomainName.of("customer.example"),
            new Customer("Customer Example Ltd", RECEIVED), new Destination("127.0.0.1", 2626), RECEIVED);
    private final MailMessage message = new MailMessage("Q1", "sender@elsewhere.example", "198.51.100.7", "mx.elsewhere.example", 42, RECEIVED);
    private final Delivery delivery = new Delivery(message, domain, EmailAddress.parse("someone@customer.example"),
            domain.getQueueLifetime());

    @Test
    void aNewDeliveryIsDueAtOnce() {
        assertEquals(DeliveryState.QUEUED, delivery.getState());
        assertEquals(RECEIVED, delivery.getNextAttemptAt());
        assertEquals(0, delivery.getAttempts());
    }

    @Test
    void aClaimedDeliveryIsHeldUntilItsLeaseEnds() {
        delivery.claim("node-a/1", RECEIVED.plusSeconds(900));
        assertEquals(DeliveryState.DELIVERING, delivery.getState());
        assertEquals(RECEIVED.plusSeconds(900), delivery.getLeasedUntil());
        assertEquals("node-a/1", delivery.getClaimToken());
    }

    @Test
    void aFinishedDeliveryCannotBeClaimed() {
        delivery.delivered(RECEIVED);
        assertThrows(IllegalStateException.class, () -> delivery.claim("node-a/1", RECEIVED.plusSeconds(900)));
    }

    @Test
    void aDeferredDeliveryKeepsTheErrorAndWaitsForTheNextRetry() {
        Instant now = RECEIVED.plusSeconds(1);
        delivery.deferred("421 4.3.2 try later", RetrySchedule.DEFAULT, now);
        assertEquals(DeliveryState.DEFERRED, delivery.getState());
        assertEquals("421 4.3.2 try later", delivery.getLastError());
        assertEquals(now.plusSeconds(60), delivery.getNextAttemptAt());
        assertEquals(1, delivery.getAttempts());
    }

    @Test
    void aDeliveredDeliveryCountsItsAttemptAndClearsTheError() {
        delivery.deferred("connection refused", RetrySchedule.DEFAULT, RECEIVED);
        delivery.delivered(RECEIVED.plusSeconds(60));
        assertEquals(DeliveryState.DELIVERED, delivery.getState());
        assertEquals(2, delivery.getAttempts());
        assertNull(delivery.getLastError());
    }

    @Test
    void aDeliveredDeliveryCannotBeDeliveredOrDeferredAgain() {
        delivery.delivered(RECEIVED);
        assertThrows(IllegalStateException.class, () -> delivery.delivered(RECEIVED));
        assertThrows(IllegalStateException.class, () -> delivery.deferred("x", RetrySchedule.DEFAULT, RECEIVED));
    }

    @Test
    void aDeliveryIsKeptForItsDomainsQueueLifetime() {
        assertEquals(RECEIVED.plus(HostedDomain.DEFAULT_QUEUE_LIFETIME), delivery.getExpiresAt());
    }

    @Test
    void aDeferralAfterTheQueueLifetimeExpiresTheDelivery() {
        Instant late = delivery.getExpiresAt();
        delivery.deferred("421 4.3.2 still busy", RetrySchedule.DEFAULT, late);
        assertEquals(DeliveryState.EXPIRED, delivery.getState());
        assertEquals(late, delivery.getCompletedAt());
        assertTrue(delivery.getState().isFailure(), "the sender is told");
    }

    @Test
    void aPermanentRefusalBouncesAtOnce() {
        delivery.bounced("550 5.1.1 no such user", RECEIVED);
        assertEquals(DeliveryState.BOUNCED, delivery.getState());
        assertEquals("550 5.1.1 no such user", delivery.getLastError());
        assertEquals(1, delivery.getAttempts());
    }

    @Test
    void aPostponedDeliveryWaitsWithoutCountingAnAttempt() {
        Instant reopens = RECEIVED.plusSeconds(240);
        delivery.postponed(reopens, "destination down", RECEIVED);
        assertEquals(DeliveryState.DEFERRED, delivery.getState());
        assertEquals(reopens, delivery.getNextAttemptAt());
        assertEquals(0, delivery.getAttempts());
    }

    @Test
    void aVeryLongErrorIsCutToWhatTheColumnHolds() {
        delivery.deferred("x".repeat(5000), RetrySchedule.DEFAULT, RECEIVED);
        assertEquals(1000, delivery.getLastError().length());
    }

    @Test
    void aCopyItsDomainWantsDeletedGoesToQuarantineForItsTime() {
        delivery.markAsSpam(new SpamMark(1000, SpamLevel.HIGH, SpamAction.DELETE, null), Duration.ofDays(7));
        assertEquals(DeliveryState.QUARANTINED, delivery.getState());
        assertEquals(RECEIVED.plus(Duration.ofDays(7)), delivery.getExpiresAt());
        assertThrows(IllegalStateException.class, () -> delivery.claim("node-a/1", RECEIVED.plusSeconds(900)),
                "a worker never takes a quarantined copy");
    }

    @Test
    void aTaggedCopyStaysInTheQueue() {
        delivery.markAsSpam(new SpamMark(4, SpamLevel.LOW, SpamAction.SUBJECT, "[SPAM: low] "), Duration.ofDays(7));
        assertEquals(DeliveryState.QUEUED, delivery.getState());
        assertEquals(domain.queueExpiryOf(RECEIVED), delivery.getExpiresAt());
    }

    @Test
    void aReleasedCopyIsDueAtOnceWithItsDomainsWholeQueueLifetimeAndOnlyTheHeaders() {
        delivery.markAsSpam(new SpamMark(1000, SpamLevel.HIGH, SpamAction.DELETE, null), Duration.ofDays(7));
        Instant released = RECEIVED.plus(Duration.ofDays(3));
        delivery.release(released);
        assertEquals(DeliveryState.QUEUED, delivery.getState());
        assertEquals(released, delivery.getNextAttemptAt());
        assertEquals(domain.queueExpiryOf(released), delivery.getExpiresAt());
        assertEquals(SpamAction.HEADER, delivery.getSpamMark().orElseThrow().action());
    }

    @Test
    void onlyAQuarantinedCopyCanBeReleased() {
        assertThrows(IllegalStateException.class, () -> delivery.release(RECEIVED));
    }

    @Test
    void aCopyStoredInAMailboxCountsAsDeliveredAndIsNotTriedAgain() {
        delivery.claim("node-a/1", RECEIVED.plusSeconds(900));
        delivery.storedInMailbox(RECEIVED.plusSeconds(1));
        assertEquals(DeliveryState.STORED, delivery.getState());
        assertEquals(RECEIVED.plusSeconds(1), delivery.getCompletedAt());
        assertEquals(MailOutcome.DELIVERED, MailOutcome.ofCopy(delivery.getState(), null).orElseThrow());
        assertThrows(IllegalStateException.class, () -> delivery.claim("node-a/2", RECEIVED.plusSeconds(900)));
    }

    @Test
    void aStoredCopyQueuedAgainIsDueNowForAWholeQueueLifetime() {
        delivery.storedInMailbox(RECEIVED);
        Instant switchedBack = RECEIVED.plus(Duration.ofDays(5));
        delivery.requeueFromMailbox(switchedBack);
        assertEquals(DeliveryState.QUEUED, delivery.getState());
        assertEquals(switchedBack, delivery.getNextAttemptAt());
        assertEquals(switchedBack.plus(Duration.ofDays(2)), delivery.getExpiresAt());
        assertNull(delivery.getCompletedAt());
    }

    @Test
    void onlyAStoredCopyCanBeQueuedAgainFromAMailbox() {
        assertThrows(IllegalStateException.class, () -> delivery.requeueFromMailbox(RECEIVED));
    }
}
