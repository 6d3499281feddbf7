package net.smtpfeed.domain.mailbox;

/**
 * What a mailbox listing shows of a message without reading it, taken from its header section when it is stored:
 * the Message-ID, and the From and Subject as a person reads them (MIME-decoded); each null when the message had none.
 */
public record MessageSummary(String messageId, String from, String subject) {

    /** The longest header value the listing keeps (RFC 5322's line limit); longer ones are cut. */
    static final int MAX_LENGTH = 998;

    public MessageSummary {
        messageId = cut(messageId);
        from = cut(from);
        subject = cut(subject);
    }

    private static String cut(String value) {
        return value == null || value.length() <= MAX_LENGTH ? value : value.substring(0, MAX_LENGTH);
    }
}
