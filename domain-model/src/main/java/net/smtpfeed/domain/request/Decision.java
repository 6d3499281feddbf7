package net.smtpfeed.domain.request;

import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;

/** How staff decided a customer's request: who, when, and for a rejection why. Made once, never changed. */
@Embeddable
public class Decision {

    private String decidedBy;

    private Instant decidedAt;

    /** Null for an approval. */
    private String rejectionReason;

    protected Decision() {
    }

    private Decision(String decidedBy, Instant decidedAt, String rejectionReason) {
        this.decidedBy = Objects.requireNonNull(decidedBy, "decidedBy");
        this.decidedAt = Objects.requireNonNull(decidedAt, "decidedAt");
        this.rejectionReason = rejectionReason;
    }

    public static Decision approval(String decidedBy, Instant decidedAt) {
        return new Decision(decidedBy, decidedAt, null);
    }

    /** @throws IllegalArgumentException when the reason is missing or too long: a rejection must say why */
    public static Decision rejection(String reason, String decidedBy, Instant decidedAt) {
        return new Decision(decidedBy, decidedAt, Reason.of(reason));
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }
}
