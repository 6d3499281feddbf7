package net.smtpfeed.domain.mail;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.Objects;
import net.smtpfeed.domain.hosting.HostedDomain;

/** A message turned away after DATA for one of a domain's recipients: it was never queued, and this is its trace. */
@Entity
public class Refusal {

    private static final int MAX_REASON_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant refusedAt;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private HostedDomain domain;

    private String clientAddress;

    private String sender;

    @Enumerated(EnumType.STRING)
    private Stage stage;

    private String reason;

    protected Refusal() {
    }

    public Refusal(Instant refusedAt, HostedDomain domain, String clientAddress, String sender, Stage stage, String reason) {
        this.refusedAt = Objects.requireNonNull(refusedAt);
        this.domain = Objects.requireNonNull(domain);
        this.clientAddress = Objects.requireNonNull(clientAddress);
        this.sender = Objects.requireNonNull(sender);
        this.stage = Objects.requireNonNull(stage);
        this.reason = reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH);
    }

    public Long getId() {
        return id;
    }

    public Instant getRefusedAt() {
        return refusedAt;
    }

    public HostedDomain getDomain() {
        return domain;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public String getSender() {
        return sender;
    }

    public Stage getStage() {
        return stage;
    }

    public String getReason() {
        return reason;
    }
}
