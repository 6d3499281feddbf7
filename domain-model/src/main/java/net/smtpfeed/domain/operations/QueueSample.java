package net.smtpfeed.domain.operations;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * One node's note of the queue at one moment: the copies waiting (queue-wide, the database is shared) and the mail
 * this node accepted and delivered since its previous note.
 */
@Entity
public class QueueSample {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String nodeName;

    private Instant sampledAt;

    private long queued;

    private long deferred;

    private long accepted;

    private long delivered;

    protected QueueSample() {
    }

    public QueueSample(String nodeName, Instant sampledAt, long queued, long deferred, long accepted, long delivered) {
        this.nodeName = nodeName;
        this.sampledAt = sampledAt;
        this.queued = queued;
        this.deferred = deferred;
        this.accepted = accepted;
        this.delivered = delivered;
    }

    public String getNodeName() {
        return nodeName;
    }

    public Instant getSampledAt() {
        return sampledAt;
    }

    public long getQueued() {
        return queued;
    }

    public long getDeferred() {
        return deferred;
    }

    public long getAccepted() {
        return accepted;
    }

    public long getDelivered() {
        return delivered;
    }
}
