package net.smtpfeed.domain.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import net.smtpfeed.domain.feed.DestinationRules.Refusal;
import net.smtpfeed.domain.hosting.Destination;
import org.junit.jupiter.api.Test;

class DestinationRulesTest {

    private static final int LISTENER_PORT = 2525;

    private final DestinationRules production = new DestinationRules(List.of("198.51.100.7", "2001:db8:25::7"),
            "198.51.100.7", LISTENER_PORT, false);
    private final DestinationRules testSystem = new DestinationRules(List.of(), "127.0.0.1", LISTENER_PORT, true);

    @Test
    void aPublicIpv4AddressAndPortIsTheDestination() {
        assertEquals(new Destination("192.0.2.25", 25), production.check("192.0.2.25", 25));
    }

    @Test
    void anIpv6AddressIsWrittenCanonically() {
        assertEquals(new Destination("2001:db8::25", 2526), production.check(" 2001:DB8:0:0::25 ", 2526));
        assertEquals(new Destination("2001:db8::25", 25), production.check("[2001:db8::25]", 25));
    }

    @Test
    void aHostNameIsNoIpAddress() {
        assertEquals(Refusal.NOT_AN_IP_ADDRESS, refusal(production, "mail.customer.example", 25));
        assertEquals(Refusal.NOT_AN_IP_ADDRESS, refusal(production, "localhost", 25));
        assertEquals(Refusal.NOT_AN_IP_ADDRESS, refusal(production, "192.0.2.256", 25));
        assertEquals(Refusal.NOT_AN_IP_ADDRESS, refusal(production, "", 25));
        assertEquals(Refusal.NOT_AN_IP_ADDRESS, refusal(production, null, 25));
    }

    @Test
    void thePortMustBeATcpPort() {
        assertEquals(Refusal.PORT_OUT_OF_RANGE, refusal(production, "192.0.2.25", 0));
        assertEquals(Refusal.PORT_OUT_OF_RANGE, refusal(production, "192.0.2.25", 65536));
    }

    @Test
    void addressesNoServerCanHaveAreRefused() {
        for (String address : List.of("0.0.0.0", "224.0.0.1", "255.255.255.255", "::", "ff02::1")) {
            assertEquals(Refusal.UNROUTABLE_ADDRESS, refusal(testSystem, address, 25), address);
        }
    }

    @Test
    void ourOwnAddressesAreRefusedAtEveryPort() {
        assertEquals(Refusal.OWN_ADDRESS, refusal(production, "198.51.100.7", 25));
        assertEquals(Refusal.OWN_ADDRESS, refusal(production, "198.51.100.7", 2626));
        assertEquals(Refusal.OWN_ADDRESS, refusal(production, "2001:db8:25:0::7", 25));
    }

    @Test
    void ourSmtpListenerIsRefusedEvenWherePrivateAddressesAreAllowed() {
        assertEquals(Refusal.OUR_LISTENER, refusal(testSystem, "127.0.0.1", LISTENER_PORT));
        assertEquals(new Destination("127.0.0.1", 2626), testSystem.check("127.0.0.1", 2626));
    }

    @Test
    void aListenerOnEveryInterfaceAnswersOnEveryLoopbackAddress() {
        DestinationRules wildcard = new DestinationRules(List.of(), "0.0.0.0", LISTENER_PORT, true);
        assertEquals(Refusal.OUR_LISTENER, refusal(wildcard, "127.0.0.2", LISTENER_PORT));
        assertEquals(Refusal.OUR_LISTENER, refusal(wildcard, "::1", LISTENER_PORT));
        assertEquals(new Destination("10.1.2.3", LISTENER_PORT), wildcard.check("10.1.2.3", LISTENER_PORT));
    }

    @Test
    void loopbackPrivateAndLinkLocalAddressesAreRefusedUnlessAllowed() {
        for (String address : List.of("127.0.0.1", "::1", "10.0.0.25", "172.16.5.5", "192.168.1.25", "100.64.0.1",
                "fd00::25", "169.254.1.1", "fe80::1", "::ffff:127.0.0.1")) {
            assertEquals(Refusal.PRIVATE_ADDRESS, refusal(production, address, 25), address);
            testSystem.check(address, 25);
        }
    }

    @Test
    void theRelaysOwnAddressesMustBeIpLiterals() {
        assertThrows(IllegalArgumentException.class,
                () -> new DestinationRules(List.of("relay.isp.example"), "127.0.0.1", LISTENER_PORT, false));
    }

    private static Refusal refusal(DestinationRules rules, String address, int port) {
        return assertThrows(DestinationRefused.class, () -> rules.check(address, port)).getRefusal();
    }
}
