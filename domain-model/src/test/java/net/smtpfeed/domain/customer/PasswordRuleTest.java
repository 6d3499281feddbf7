package net.smtpfeed.domain.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordRuleTest {

    @Test
    void tenCharactersAreEnough() {
        assertEquals(Optional.empty(), PasswordRule.check("carla", "0123456789"));
    }

    @Test
    void nineCharactersAreTooShort() {
        assertEquals(Optional.of(PasswordRule.Problem.TOO_SHORT), PasswordRule.check("carla", "012345678"));
    }

    @Test
    void theUserNameIsNotAPasswordWhateverItsCase() {
        assertEquals(Optional.of(PasswordRule.Problem.SAME_AS_USERNAME),
                PasswordRule.check("carla@customer.example", "Carla@Customer.example"));
    }
}
