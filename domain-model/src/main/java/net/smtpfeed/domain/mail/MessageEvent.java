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

/** One line of a message's timeline in the portal: when, which stage, what came of it, and why. */
@Entity
public class MessageEvent {

    private static final int MAX_DETAIL_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private MailMessage message;

    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    private Stage stage;

    private String outcome;

    private String detail;

    protected MessageEvent() {
    }

    public MessageEvent(MailMessage message, Instant occurredAt, Stage stage, String outcome, String detail) {
        this.message = message;
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
