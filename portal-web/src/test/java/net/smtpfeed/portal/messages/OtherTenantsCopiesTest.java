package net.smtpfeed.portal.messages;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A message for two customers: what the customer of customer.example must not read about other.example's copy. */
class OtherTenantsCopiesTest {

    private final OtherTenantsCopies others = new OtherTenantsCopies(List.of("bob@other.example", "other.example"));

    @Test
    void linesAboutTheOtherCustomersCopyAreTheirs() {
        assertTrue(others.named("bob@other.example via 127.0.0.1:2626: 250 2.0.0 Ok"), "delivery");
        assertTrue(others.named("bob@other.example: first sight, passed after 2 s"), "greylisting");
        assertTrue(others.named("other.example: high (12.5): DELETE"), "spam action");
        assertTrue(others.named("bob@other.example released by staff"), "quarantine");
        assertTrue(others.named("Bob@Other.Example via 127.0.0.1:2626: 250 2.0.0 Ok"), "addresses compare without case");
    }

    @Test
    void linesAboutTheCustomersOwnCopyOrTheWholeMessageStay() {
        assertFalse(others.named("alice@customer.example via 127.0.0.1:2626: 250 2.0.0 Ok"));
        assertFalse(others.named("customer.example: high (12.5): DELETE"));
        assertFalse(others.named("from 127.0.0.1, 312 bytes, 2 recipient(s)"), "received");
        assertFalse(others.named("built-in, 3 ms"), "virus scan");
        assertFalse(others.named(null));
    }

    @Test
    void anAddressThatOnlyBeginsLikeAnotherCustomersNameIsNotTheirs() {
        assertFalse(others.named("other.example@customer.example via 127.0.0.1:2626: 250 2.0.0 Ok"));
        assertFalse(others.named("bob@other.example.customer.example via 127.0.0.1:2626: 250 2.0.0 Ok"));
    }
}
