package net.smtpfeed.domain.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InvitationTokenTest {

    @Test
    void aTokenIs256RandomBitsThatFitInALink() {
        String token = InvitationToken.generate();
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        assertNotEquals(token, InvitationToken.generate());
    }

    @Test
    void theStoredHashIsTheTokensSha256InHex() {
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", InvitationToken.hash("hello"));
    }
}
