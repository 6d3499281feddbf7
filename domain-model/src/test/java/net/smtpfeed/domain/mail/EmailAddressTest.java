package net.smtpfeed.domain.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void theDomainIsCanonicalAndTheLocalPartKeptAsSent() {
        EmailAddress address = EmailAddress.parse("<John.Doe@Customer.Example>");
        assertEquals("John.Doe", address.localPart());
        assertEquals("customer.example", address.domain().value());
        assertEquals("John.Doe@customer.example", address.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nobody", "@customer.example", "someone@", "someone@localhost"})
    void rejectsWhatIsNotAnAddress(String text) {
        assertThrows(IllegalArgumentException.class, () -> EmailAddress.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sender@elsewhere.example", "root@vm", "bounce+tag=x@lists.example"})
    void aSenderNeedsOnlyALocalPartAndAHost(String sender) {
        assertTrue(EmailAddress.isPlausibleSender(sender));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nobody", "@host", "user@", "two words@host", "a@b>"})
    void aSenderThatIsNotOneAddressIsRefused(String sender) {
        assertFalse(EmailAddress.isPlausibleSender(sender));
    }
}
