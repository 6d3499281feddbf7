package net.smtpfeed.relay.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RefusalReasonTest {

    @Test
    void aRecipientOfADomainWeDoNotHostIsRelayingDenied() {
        assertEquals(RefusalReason.RELAYING_DENIED, RefusalReason.of(550, "5.7.1 relaying denied"));
    }

    @Test
    void aNewTripletIsGreylisted() {
        assertEquals(RefusalReason.GREYLISTED, RefusalReason.of(451, "4.7.1 greylisted, please try again in 300 seconds"));
    }

    @Test
    void anInfectedMessageIsVirus() {
        assertEquals(RefusalReason.VIRUS, RefusalReason.of(554, "5.7.1 message refused: virus found: Eicar-Signature"));
    }

    @Test
    void aMessageOverTheLimitIsSize() {
        assertEquals(RefusalReason.SIZE, RefusalReason.of(552, "5.3.4 message size exceeds fixed limit of 100 bytes"));
    }

    @Test
    void tooManyRecipientsOrHopsAreLimits() {
        assertEquals(RefusalReason.LIMITS, RefusalReason.of(452, "4.5.3 Too many recipients"));
        assertEquals(RefusalReason.LIMITS, RefusalReason.of(554, "5.4.6 Too many hops"));
    }

    @Test
    void anUnreachableScannerIsATemporaryFailure() {
        assertEquals(RefusalReason.TEMPORARY_FAILURE,
                RefusalReason.of(451, "4.3.0 virus scanner unavailable, message not accepted, try again later"));
    }

    @Test
    void labelsAreLowerCase() {
        assertEquals("relaying_denied", RefusalReason.RELAYING_DENIED.label());
    }
}
