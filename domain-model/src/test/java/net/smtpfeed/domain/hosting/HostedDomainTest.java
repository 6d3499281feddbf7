package net.smtpfeed.domain.hosting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import net.smtpfeed.domain.customer.Customer;
import org.junit.jupiter.api.Test;

class HostedDomainTest {

    private final HostedDomain domain = HostedDomain.feed(DomainName.of("customer.example"),
            new Customer("Customer Example Ltd", Instant.EPOCH), new Destination("192.0.2.25", 25), Instant.EPOCH);

    @Test
    void aNewFeedGreylistsAndLeavesSpamCheckingOff() {
        assertEquals(DeliveryMode.FEED, domain.getDeliveryMode());
        assertTrue(domain.isGreylisting());
        assertFalse(domain.isSpamChecking());
    }

    @Test
    void aNewFeedKeepsMailForTwoDays() {
        assertEquals(Duration.ofDays(2), domain.getQueueLifetime());
    }

    @Test
    void mailExpiresOneQueueLifetimeAfterItArrived() {
        Instant received = Instant.parse("2026-11-28T12:00:00Z");
        assertEquals(Instant.parse("2026-11-30T12:00:00Z"), domain.queueExpiryOf(received));
    }

    @Test
    void staffExtendTheQueueLifetimeByTheTimeTheyGive() {
        assertEquals(Duration.ofDays(3), domain.extendQueueLifetimeBy(Duration.ofDays(1)));
        assertEquals(Duration.ofDays(3), domain.getQueueLifetime());
        assertEquals(Instant.parse("2026-12-01T12:00:00Z"), domain.queueExpiryOf(Instant.parse("2026-11-28T12:00:00Z")));
    }

    @Test
    void anExtensionNeverShortensTheLifetime() {
        assertThrows(IllegalArgumentException.class, () -> domain.extendQueueLifetimeBy(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> domain.extendQueueLifetimeBy(Duration.ofDays(-1)));
        assertEquals(Duration.ofDays(2), domain.getQueueLifetime());
    }

    @Test
    void theLifetimeCanBeExtendedUpToFourteenDaysInAll() {
        domain.extendQueueLifetimeBy(Duration.ofDays(12));
        assertEquals(HostedDomain.MAXIMUM_QUEUE_LIFETIME, domain.getQueueLifetime());
        assertEquals(Duration.ofDays(14), HostedDomain.MAXIMUM_QUEUE_LIFETIME);
    }

    @Test
    void anExtensionPastFourteenDaysIsRefusedAndChangesNothing() {
        domain.extendQueueLifetimeBy(Duration.ofDays(12));
        QueueLifetimeTooLong refused = assertThrows(QueueLifetimeTooLong.class,
                () -> domain.extendQueueLifetimeBy(Duration.ofSeconds(1)));
        assertEquals("customer.example", refused.getDomain());
        assertEquals(Duration.ofDays(14), refused.getCurrent());
        assertEquals(Duration.ofDays(14), refused.getMaximum());
        assertTrue(refused.getMessage().contains("PT336H"), refused.getMessage());
        assertEquals(Duration.ofDays(14), domain.getQueueLifetime());
    }

    @Test
    void anActiveDomainAcceptsMail() {
        assertTrue(domain.acceptsMail());
    }

    @Test
    void aSuspendedDomainAcceptsNoMail() {
        domain.suspend();
        assertFalse(domain.acceptsMail());
    }

    @Test
    void aDestinationNeedsAHostAndAValidPort() {
        assertThrows(IllegalArgumentException.class, () -> new Destination(" ", 25));
        assertThrows(IllegalArgumentException.class, () -> new Destination("192.0.2.25", 0));
        assertThrows(IllegalArgumentException.class, () -> new Destination("192.0.2.25", 65536));
    }

    @Test
    void anIpv6DestinationIsWrittenWithBrackets() {
        assertEquals("[2001:db8::25]:25", new Destination("2001:db8::25", 25).toString());
        assertEquals("192.0.2.25:2626", new Destination("192.0.2.25", 2626).toString());
    }

    @Test
    void aSuspendedDomainTakesNoMailUntilReactivated() {
        domain.suspend();
        assertEquals(DomainStatus.SUSPENDED, domain.getStatus());
        assertFalse(domain.acceptsMail());

        domain.reactivate();
        assertEquals(DomainStatus.ACTIVE, domain.getStatus());
        assertTrue(domain.acceptsMail());
    }

    @Test
    void theRoomLeftForExtensionsIsWhatTheLifetimeMayStillGrow() {
        assertEquals(Duration.ofDays(12), domain.queueLifetimeRoom());
        domain.extendQueueLifetimeBy(Duration.ofDays(5));
        assertEquals(Duration.ofDays(7), domain.queueLifetimeRoom());
    }

    @Test
    void aFeedSwitchedToMailboxesIsInMailboxModeAndKeepsItsServerForTheWayBack() {
        domain.switchToMailboxes();
        assertTrue(domain.isInMailboxMode());
        assertEquals(DeliveryMode.MAILBOXES, domain.getDeliveryMode());
        assertEquals(new Destination("192.0.2.25", 25), domain.getDestination());
    }

    @Test
    void aDomainIsInOneModeAtATime() {
        assertThrows(IllegalStateException.class, domain::switchToFeed);
        domain.switchToMailboxes();
        assertThrows(IllegalStateException.class, domain::switchToMailboxes);
        domain.switchToFeed();
        assertFalse(domain.isInMailboxMode());
    }
}
