package net.smtpfeed.domain.operations;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Duration;
import java.time.Instant;

/** A relay node sharing this database, as it last reported itself: its name, its version, since when it runs. */
@Entity
public class RelayNode {

    /** A node that missed this many heartbeats in a row is shown as not answering. */
    public static final int MISSED_HEARTBEATS = 3;

    @Id
    private String name;

    private String version;

    private Instant startedAt;

    private Instant lastSeenAt;

    protected RelayNode() {
    }

    public RelayNode(String name, String version, Instant startedAt) {
        this.name = name;
        this.version = version;
        this.startedAt = startedAt;
        this.lastSeenAt = startedAt;
    }

    /** A (re)started node: its new version and start time. */
    public void started(String version, Instant at) {
        this.version = version;
        this.startedAt = at;
        this.lastSeenAt = at;
    }

    public void seen(Instant at) {
        lastSeenAt = at;
    }

    /** Whether the node reported within the last few heartbeats. */
    public boolean isAlive(Instant now, Duration heartbeat) {
        return !lastSeenAt.plus(heartbeat.multipliedBy(MISSED_HEARTBEATS)).isBefore(now);
    }

    public String getName() {
        return name;
    }

    public String getVersion() {
        return version;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }
}
