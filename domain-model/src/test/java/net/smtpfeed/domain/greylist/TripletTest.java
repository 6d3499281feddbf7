package net.smtpfeed.domain.greylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class TripletTest {

    @Test
    void senderAndRecipientAreLowerCasedAndTheClientBecomesItsNetwork() {
        Triplet triplet = Triplet.of("192.0.2.7", "Bob@Sender.EXAMPLE", "Alice@Customer.Example");
        assertEquals(new Triplet(ClientNetwork.of("192.0.2.0"), "bob@sender.example", "alice@customer.example"), triplet);
    }

    @Test
    void theNullSenderStaysEmpty() {
        assertEquals("", Triplet.of("192.0.2.7", "", "alice@customer.example").sender());
        assertEquals("", Triplet.of("192.0.2.7", null, "alice@customer.example").sender());
    }

    @Test
    void theHashIsTheHexSha256OfNetworkSenderAndRecipientOnLinesOfTheirOwn() {
        // printf '192.0.2.0/24\nbob@sender.example\nalice@customer.example' | sha256sum
        assertEquals("f6b6811d07c08dc5548fd5dc18d0a32cb25d4cf245a658165edaeb877315a971",
                Triplet.of("192.0.2.7", "bob@sender.example", "alice@customer.example").hash());
    }

    @Test
    void retriesFromTheSameNetworkSpelledDifferentlyHashAlike() {
        assertEquals(Triplet.of("192.0.2.7", "bob@sender.example", "alice@customer.example").hash(),
                Triplet.of("192.0.2.200", "BOB@sender.example", "Alice@Customer.example").hash());
        assertNotEquals(Triplet.of("192.0.2.7", "bob@sender.example", "alice@customer.example").hash(),
                Triplet.of("192.0.3.7", "bob@sender.example", "alice@customer.example").hash());
        assertEquals(64, Triplet.of("2001:db8::1", "", "alice@customer.example").hash().length());
    }
}
