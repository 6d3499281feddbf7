package net.smtpfeed.domain.mailbox;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.Objects;
import net.smtpfeed.domain.mail.Delivery;

/**
 * One recipient's copy of a message in a mailbox, as the POP3 client and webmail get it (the domain's spam marks
 * applied). Its bytes are in stored_message_chunk (see {@link StoredMessages#content}), so that listing never reads
 * them. Comes from exactly one delivery of the queue, which stays there as STORED.
 */
@Entity
public class StoredMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Mailbox mailbox;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Delivery delivery;

    private String uid;

    private String queueId;

    private String messageId;

    private String recipient;

    private String sender;

    private String fromHeader;

    private String subject;

    private long sizeBytes;

    private Instant storedAt;

    private boolean seen;

    protected StoredMessage() {
    }

    StoredMessage(Mailbox mailbox, Delivery delivery, MessageSummary summary, Instant storedAt) {
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.queueId = delivery.getMessage().getQueueId();
        // Unique as the delivery is (one stored copy each), never reused, printable: what RFC 1939 asks of a UIDL.
        this.uid = queueId + "-" + delivery.getId();
        this.recipient = delivery.getRecipient();
        this.sender = delivery.getMessage().getEnvelopeSender();
        this.messageId = summary.messageId();
        this.fromHeader = summary.from();
        this.subject = summary.subject();
        this.storedAt = Objects.requireNonNull(storedAt, "storedAt");
    }

    void sized(long bytes) {
        sizeBytes = bytes;
    }

    public void markSeen() {
        seen = true;
    }

    /** Marked unread again by its reader in webmail, to come back to it. */
    public void markUnseen() {
        seen = false;
    }

    public Long getId() {
        return id;
    }

    public Mailbox getMailbox() {
        return mailbox;
    }

    public Delivery getDelivery() {
        return delivery;
    }

    /** The unique id a POP3 client keeps to know which messages it has (UIDL). */
    public String getUid() {
        return uid;
    }

    /** The queue id of the message in the relay's log and the portal's message log. */
    public String getQueueId() {
        return queueId;
    }

    /** The Message-ID header; null when the message had none. */
    public String getMessageId() {
        return messageId;
    }

    /** The envelope recipient it was for: the mailbox's own address, or another one of the domain for a catch-all. */
    public String getRecipient() {
        return recipient;
    }

    /** The envelope sender (MAIL FROM); empty for a bounce. */
    public String getSender() {
        return sender;
    }

    public String getFromHeader() {
        return fromHeader;
    }

    public String getSubject() {
        return subject;
    }

    /** The exact size in octets of what POP3 RETR and an .eml download give. */
    public long getSizeBytes() {
        return sizeBytes;
    }

    public Instant getStoredAt() {
        return storedAt;
    }

    /** Whether it was read in webmail or retrieved over POP3. */
    public boolean isSeen() {
        return seen;
    }
}
