package net.smtpfeed.domain.mailbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MailboxPasswordTest {

    /** The demo user "customer"'s hash, made by the portal's Jakarta Security Pbkdf2PasswordHash (demo seed V1). */
    private static final String PORTAL_HASH_OF_CUSTOMER =
            "PBKDF2WithHmacSHA256:210000:0SjNdi61IygrRTz76fzgNMPoGs8IbAzIGawdfH6w4cs=:MwwLVG2J02q+V5m3RHG8ys/KVwrRKV3y9PJy+Nq3ygM=";

    @Test
    void aGeneratedPasswordHasSixteenCharactersThatCannotBeMistakenForOneAnother() {
        String password = MailboxPassword.generate();
        assertEquals(16, password.length());
        assertTrue(password.chars().noneMatch(c -> "0O1lI".indexOf(c) >= 0), password);
        assertNotEquals(password, MailboxPassword.generate());
    }

    @Test
    void aPasswordMatchesItsHashAndNoOtherPasswordDoes() {
        String hash = MailboxPassword.hash("correct horse".toCharArray());
        assertTrue(MailboxPassword.matches("correct horse".toCharArray(), hash));
        assertFalse(MailboxPassword.matches("correct hors".toCharArray(), hash));
    }

    @Test
    void theHashIsKeptInJakartaSecuritysFormatWithAFreshSalt() {
        String hash = MailboxPassword.hash("secret-secret".toCharArray());
        assertTrue(hash.startsWith("PBKDF2WithHmacSHA256:210000:"), hash);
        assertNotEquals(hash, MailboxPassword.hash("secret-secret".toCharArray()));
    }

    @Test
    void aHashThePortalsPasswordHashMadeIsReadTheSameWay() {
        assertTrue(MailboxPassword.matches("customer".toCharArray(), PORTAL_HASH_OF_CUSTOMER));
        assertFalse(MailboxPassword.matches("Customer".toCharArray(), PORTAL_HASH_OF_CUSTOMER));
    }

    @Test
    void aHashThatIsNoneMatchesNothing() {
        assertFalse(MailboxPassword.matches("x".toCharArray(), "plain text"));
        assertFalse(MailboxPassword.matches("x".toCharArray(), null));
    }

    @Test
    void aChosenPasswordShorterThanTenCharactersIsRefused() {
        MailboxRefused refused = assertThrows(MailboxRefused.class, () -> MailboxPassword.hashChosen("short".toCharArray()));
        assertEquals(MailboxRefused.Reason.PASSWORD_TOO_SHORT, refused.getReason());
        assertTrue(MailboxPassword.matches("long enough".toCharArray(), MailboxPassword.hashChosen("long enough".toCharArray())));
    }
}
