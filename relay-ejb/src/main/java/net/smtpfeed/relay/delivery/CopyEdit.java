package net.smtpfeed.relay.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** A change to the headers of the copy one delivery sends; the queued bytes stay as they came. */
@FunctionalInterface
public interface CopyEdit {

    CopyEdit NONE = message -> { };

    void applyTo(MimeMessage message) throws MessagingException;
}
