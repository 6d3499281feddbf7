package net.smtpfeed.domain.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void anIpv4BlockContainsItsAddressesOnly() {
        Cidr block = Cidr.parse("10.0.0.0/8");
        assertTrue(block.contains("10.0.0.1"));
        assertTrue(block.contains("10.255.255.255"));
        assertFalse(block.contains("11.0.0.0"));
        assertFalse(block.contains("9.255.255.255"));
    }

    @Test
    void aPrefixNotOnAByteBoundaryCutsInsideTheByte() {
        Cidr block = Cidr.parse("192.0.2.64/26");
        assertTrue(block.contains("192.0.2.127"));
        assertFalse(block.contains("192.0.2.128"));
        assertFalse(block.contains("192.0.2.63"));
    }

    @Test
    void anIpv6BlockContainsItsAddressesOnly() {
        Cidr block = Cidr.parse("2001:db8::/32");
        assertTrue(block.contains("2001:db8:ffff::1"));
        assertTrue(block.contains("2001:DB8::"));
        assertFalse(block.contains("2001:db9::1"));
    }

    @Test
    void aBareAddressIsABlockOfOne() {
        assertEquals("192.0.2.7/32", Cidr.parse("192.0.2.7").toString());
        assertTrue(Cidr.parse("192.0.2.7").contains("192.0.2.7"));
        assertFalse(Cidr.parse("192.0.2.7").contains("192.0.2.8"));
        assertEquals("2001:db8::1/128", Cidr.parse("2001:db8::1").toString());
        assertTrue(Cidr.parse("2001:db8::1").contains("2001:0db8:0:0:0:0:0:1"));
        assertFalse(Cidr.parse("2001:db8::1").contains("2001:db8::2"));
    }

    @Test
    void anAddressOfTheOtherFamilyIsNeverContained() {
        assertFalse(Cidr.parse("0.0.0.0/0").contains("2001:db8::1"));
        assertFalse(Cidr.parse("::/0").contains("192.0.2.1"));
        assertTrue(Cidr.parse("0.0.0.0/0").contains("192.0.2.1"));
    }

    @Test
    void hostBitsAfterThePrefixAreIgnored() {
        assertEquals(Cidr.parse("192.0.2.0/24"), Cidr.parse("192.0.2.99/24"));
    }

    @Test
    void badInputIsRefusedWithAMessageThatSaysWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33")).getMessage()
                .contains("prefix length 33 is longer than the address's 32 bits"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Cidr.parse("2001:db8::/129")).getMessage()
                .contains("longer than the address's 128 bits"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/")).getMessage()
                .contains("is not a number from 0 to 32"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/-1")).getMessage()
                .contains("\"-1\" is not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Cidr.parse("mail.example/24")).getMessage()
                .contains("\"mail.example\" is not an IP address"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Cidr.parse(" ")).getMessage().contains("empty CIDR"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/8").contains("not-an-address"));
    }
}
