package net.smtpfeed.relay.filter;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Messages and attachments as the scanner tests need them, built with Angus Mail as a mail client would. */
final class TestMessages {

    /** The bytes our own clamd signature (Smtpfeed.Test.Signature in the test database's .hdb) names. */
    static final byte[] OWN_SIGNATURE_FILE =
            "smtpfeed test signature: a harmless file that our own clamd signature names\n"
                    .getBytes(StandardCharsets.US_ASCII);

    private TestMessages() {
    }

    static byte[] eicar() {
        return BuiltInScanner.EICAR.clone();
    }

    /** A text part and one attachment per file, each attachment base64 encoded. */
    static MimeMessage withAttachments(Attachment... attachments) {
        try {
            MimeMessage message = newMessage("Files as promised");
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Hello,\r\n\r\nthe files you asked for are attached.\r\n", "UTF-8");
            mixed.addBodyPart(text);
            for (Attachment attachment : attachments) {
                mixed.addBodyPart(attachmentPart(attachment));
            }
            message.setContent(mixed);
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static MimeBodyPart attachmentPart(Attachment attachment) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new jakarta.activation.DataHandler(
                new ByteArrayDataSource(attachment.content(), attachment.contentType())));
        part.setFileName(attachment.fileName());
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    /** A plain text message whose whole body is the given text, 7bit as it stands. */
    static MimeMessage plainText(String body) {
        try {
            MimeMessage message = newMessage("A note");
            message.setText(body, "US-ASCII");
            message.saveChanges();
            message.setHeader("Content-Transfer-Encoding", "7bit");
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A note that forwards another message whole, as a message/rfc822 part. */
    static MimeMessage forwarding(MimeMessage forwarded) {
        try {
            MimeMessage message = newMessage("Fwd: " + forwarded.getSubject());
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart note = new MimeBodyPart();
            note.setText("See the message below.\r\n", "UTF-8");
            mixed.addBodyPart(note);
            MimeBodyPart enclosed = new MimeBodyPart();
            enclosed.setContent(forwarded, "message/rfc822");
            mixed.addBodyPart(enclosed);
            message.setContent(mixed);
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Attachment file(String fileName, byte[] content) {
        return new Attachment(fileName, "application/octet-stream", content);
    }

    /** A zip archive of the given entries, each deflated. */
    static Attachment zip(String fileName, Attachment... entries) {
        return new Attachment(fileName, "application/zip", zipBytes(entries));
    }

    static byte[] zipBytes(Attachment... entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Attachment entry : entries) {
                zip.putNextEntry(new ZipEntry(entry.fileName()));
                zip.write(entry.content());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static ScannableMessage scannable(MimeMessage message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            message.writeTo(bytes);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
        return scannable(bytes.toByteArray());
    }

    static ScannableMessage scannable(byte[] rawMessage) {
        return new ScannableMessage() {
            @Override
            public InputStream open() {
                return new ByteArrayInputStream(rawMessage);
            }

            @Override
            public long size() {
                return rawMessage.length;
            }
        };
    }

    static ScannableMessage scannable(String rawMessage) {
        return scannable(rawMessage.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    private static MimeMessage newMessage(String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("sender@example.org"));
        message.setRecipients(MimeMessage.RecipientType.TO, "customer@customer.example");
        message.setSubject(subject);
        return message;
    }

    record Attachment(String fileName, String contentType, byte[] content) {
    }
}
