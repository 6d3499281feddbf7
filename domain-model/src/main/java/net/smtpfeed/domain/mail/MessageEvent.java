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
import net.smtpfeed.domain.hosting.HostedDomain;

/**
 * One line of a message's timeline in the portal: when, which stage, what came of it, and why; and the hosted domain
 * whose copy it is about, or none when it is about the whole message.
 */
@Entity
public class MessageEvent {

    private static final int MAX_DETAIL_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private MailMessage message;

    @ManyToOne(fetch = FetchType.LAZY)
    private HostedDomain domain;

    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    private Stage stage;

    private String outcome;

    private String detail;

    protected MessageEvent() {
    }

    /** A line about the whole message. */
    public MessageEvent(MailMessage message, Instant occurredAt, Stage stage, String outcome, String detail) {
        this(message, null, occurredAt, stage, outcome, detail);
    }

    /** A line about one domain's copy of the message. */
    public MessageEvent(MailMessage message, HostedDomain domain, Instant occurredAt, Stage stage, String outcome,
                        String detail) {
        this.message = message;
        this.domain = domain;
        this.occurredAt = occurredAt;
        this.stage = stage;
        this.outcome = outcome;
        this.detail = detail == null || detail.length() <= MAX_DETAIL_LENGTH ? detail : detail.substring(0, MAX_DETAIL_LENGTH);
    }

    public Long getId() {
        return id;
    }

    public MailMessage getMessage() {
        return message;
    }

    /** The domain whose copy this line is about; null when it is about the whole message. */
    public HostedDomain getDomain() {
        return domain;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Stage getStage() {
        return stage;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getDetail() {
        return detail;
    }
}
