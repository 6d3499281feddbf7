package net.smtpfeed.portal.webmail;

import java.io.Serializable;
import java.time.Instant;
import net.smtpfeed.domain.mailbox.StoredMessage;

/** A message as the webmail lists it: who it is from (the From header, else the envelope sender), what about, when. */
public record MessageRow(long id, long mailboxId, String from, String subject, Instant storedAt, long size,
                         boolean seen) implements Serializable {

    static MessageRow of(StoredMessage message) {
        String from = message.getFromHeader() != null && !message.getFromHeader().isBlank() ? message.getFromHeader()
                : message.getSender();
        return new MessageRow(message.getId(), message.getMailbox().getId(), from, message.getSubject(),
                message.getStoredAt(), message.getSizeBytes(), message.isSeen());
    }
}
