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
    void staffCanExtendTheQueueLifetimeButNotShortenIt() {
        domain.extendQueueLifetime(Duration.ofDays(7));
        assertEquals(Duration.ofDays(7), domain.getQueueLifetime());
        assertThrows(IllegalArgumentException.class, () -> domain.extendQueueLifetime(Duration.ofDays(1)));
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
}
