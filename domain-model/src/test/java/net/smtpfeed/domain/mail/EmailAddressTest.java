package net.smtpfeed.domain.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
