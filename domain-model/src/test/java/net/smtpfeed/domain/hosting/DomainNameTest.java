package net.smtpfeed.domain.hosting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DomainNameTest {

    @Test
    void isCanonicalisedToLowerCaseWithoutTrailingDot() {
        assertEquals("customer.example", DomainName.of(" Customer.EXAMPLE. ").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "-bad.example", "bad-.example", "a..example", "under_score.example",
            "space here.example"})
    void rejectsWhatIsNotADomainName(String text) {
        assertThrows(IllegalArgumentException.class, () -> DomainName.of(text));
    }

    @Test
    void rejectsANameLongerThan253Characters() {
        assertThrows(IllegalArgumentException.class, () -> DomainName.of("a.".repeat(127) + "example"));
    }
}
