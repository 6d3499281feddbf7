package net.smtpfeed.domain.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmtpReplyTest {

    @Test
    void aFiveHundredReplyIsAPermanentFailureWithTheServersOwnStatus() {
        SmtpReply reply = SmtpReply.parse("550 5.1.1 <nobody@customer.example>: user unknown\n");
        assertEquals(550, reply.code());
        assertTrue(reply.isPermanentFailure());
        assertEquals("5.1.1", reply.enhancedStatus());
    }

    @Test
    void aFourHundredReplyIsWorthAnotherTry() {
        SmtpReply reply = SmtpReply.parse("451 try again later");
        assertFalse(reply.isPermanentFailure());
        assertFalse(reply.isServerUnavailable());
        assertEquals("4.0.0", reply.enhancedStatus());
    }

    @Test
    void noAnswerAtAllMeansTheServerIsUnavailable() {
        SmtpReply reply = SmtpReply.parse("Couldn't connect to host, port: 127.0.0.1, 2626; timeout -1");
        assertEquals(SmtpReply.NO_CODE, reply.code());
        assertTrue(reply.isServerUnavailable());
        assertFalse(reply.isPermanentFailure());
    }

    @Test
    void a421MeansTheServerIsUnavailable() {
        assertTrue(SmtpReply.parse("421 4.3.2 shutting down").isServerUnavailable());
    }
}
