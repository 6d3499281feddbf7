package net.smtpfeed.domain.greylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClientNetworkTest {

    @Test
    void anIpv4ClientCountsAsItsSlash24() {
        assertEquals("192.0.2.0/24", ClientNetwork.of("192.0.2.77").value());
        assertEquals(ClientNetwork.of("192.0.2.1"), ClientNetwork.of("192.0.2.254"));
        assertNotEquals(ClientNetwork.of("192.0.2.1"), ClientNetwork.of("192.0.3.1"));
    }

    @Test
    void anIpv6ClientCountsAsItsSlash64InCanonicalCompressedForm() {
        assertEquals("2001:db8:1:2::/64", ClientNetwork.of("2001:0DB8:0001:0002:aaaa:bbbb:cccc:dddd").value());
        assertEquals("2001:db8::/64", ClientNetwork.of("2001:db8::1").value());
        assertEquals("::/64", ClientNetwork.of("::1").value());
        assertEquals(ClientNetwork.of("2001:db8:1:2::1"), ClientNetwork.of("2001:db8:1:2:ffff::9"));
        assertEquals("2001:db8:1:2::/64", ClientNetwork.of("2001:db8:1:2::1").toString());
    }

    @Test
    void textThatIsNoIpAddressIsRefusedWithoutAskingDns() {
        for (String bad : new String[] {"", "localhost", "mail.example", "192.0.2", "192.0.2.256", "1.2.3.4.5", "2001:db8::g",
                "2001:db8:::1"}) {
            assertThrows(IllegalArgumentException.class, () -> ClientNetwork.of(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> ClientNetwork.of(null));
    }
}
