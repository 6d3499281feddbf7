package net.smtpfeed.domain.mail;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import java.time.Duration;
import java.time.Instant;

/**
 * A customer's server that is not answering, so that the queue tries it once per retry step rather than once per
 * message. While closed, its mail waits; at the next attempt time one worker probes it, and the others wait again.
 */
@Entity
@NamedQuery(name = DestinationStatus.REOPEN, query = "delete from DestinationStatus s where s.destination = :destination")
public class DestinationStatus {

    /** Forgets that a destination is failing, so that the next worker connects to it at once. */
    public static final String REOPEN = "DestinationStatus.reopen";

    private static final int MAX_ERROR_LENGTH = 1000;

    @Id
    private String destination;

    private int failures;

    private Instant nextAttemptAt;

    private String lastError;

    protected DestinationStatus() {
    }

    public DestinationStatus(String destination) {
        this.destination = destination;
    }

    /** Whether a worker may connect now; a worker that may takes the probe, and others wait until it reports. */
    public boolean admitsProbe(Instant now, Duration probeTimeout) {
        if (nextAttemptAt != null && now.isBefore(nextAttemptAt)) {
            return false;
        }
        nextAttemptAt = now.plus(probeTimeout);
        return true;
    }

    public void failed(String error, RetrySchedule schedule, Instant now) {
        failures++;
        nextAttemptAt = schedule.nextAttempt(failures, now);
        lastError = error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

    public String getDestination() {
        return destination;
    }

    public int getFailures() {
        return failures;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }
}
