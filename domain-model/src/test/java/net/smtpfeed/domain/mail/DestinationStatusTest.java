package net.smtpfeed.domain.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DestinationStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Duration PROBE = Duration.ofMinutes(2);

    private final DestinationStatus status = new DestinationStatus("192.0.2.25:25");

    @Test
    void aFailingServerIsClosedUntilItsNextRetryStep() {
        status.failed("connection refused", RetrySchedule.DEFAULT, NOW);
        assertFalse(status.admitsProbe(NOW.plusSeconds(59), PROBE));
        assertEquals(NOW.plusSeconds(60), status.getNextAttemptAt());
    }

    @Test
    void atTheNextStepOneWorkerProbesAndTheOthersWait() {
        status.failed("connection refused", RetrySchedule.DEFAULT, NOW);
        Instant step = NOW.plusSeconds(60);
        assertTrue(status.admitsProbe(step, PROBE));
        assertFalse(status.admitsProbe(step, PROBE));
    }

    @Test
    void eachFailureWaitsLonger() {
        status.failed("refused", RetrySchedule.DEFAULT, NOW);
        status.failed("refused", RetrySchedule.DEFAULT, NOW);
        assertEquals(2, status.getFailures());
        assertEquals(NOW.plusSeconds(120), status.getNextAttemptAt());
    }
}
