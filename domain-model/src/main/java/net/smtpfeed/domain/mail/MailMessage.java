package net.smtpfeed.domain.mail;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A message the relay answered 250 to: its envelope and where it came from. The raw bytes live in their own table
 * (message_content) so that listing messages never reads bodies.
 */
@Entity
@Table(name = "mail_message")
public class MailMessage {

    /** MAIL FROM:&lt;&gt;, the sender of bounces; such a message is never bounced itself. */
    public static final String NULL_SENDER = "";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String queueId;

    private String envelopeSender;

    private String clientAddress;

    private String helo;

    private long sizeBytes;

    private Instant receivedAt;

    protected MailMessage() {
    }

    public MailMessage(String queueId, String envelopeSender, String clientAddress, String helo, long sizeBytes,
                       Instant receivedAt) {
        this.queueId = Objects.requireNonNull(queueId);
        this.envelopeSender = Objects.requireNonNull(envelopeSender);
        this.clientAddress = Objects.requireNonNull(clientAddress);
        this.helo = helo;
        this.sizeBytes = sizeBytes;
        this.receivedAt = Objects.requireNonNull(receivedAt);
    }

    public Long getId() {
        return id;
    }

    public String getQueueId() {
        return queueId;
    }

    public String getEnvelopeSender() {
        return envelopeSender;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public String getHelo() {
        return helo;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
