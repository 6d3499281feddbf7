package net.smtpfeed.relay.mailbox;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Properties;
import net.smtpfeed.domain.mailbox.MessageSummary;
import net.smtpfeed.relay.delivery.SpamMarking;
import net.smtpfeed.relay.queue.ClaimedDelivery;
import net.smtpfeed.relay.queue.QueuedContent;

/**
 * One recipient's copy of a queued message as its mailbox keeps it: what the feed would have sent (the domain's spam
 * marks applied to the headers), headed by Return-Path and Delivered-To as a final delivery agent writes them, so that
 * a catch-all shows whom each message was for. The body is streamed from the queued bytes, never copied in the heap.
 */
final class MailboxCopy implements AutoCloseable {

    private static final Session SESSION = Session.getInstance(new Properties());

    private final InputStream source;
    private final byte[] head;
    private final InputStream body;
    private final MessageSummary summary;

    private MailboxCopy(InputStream source, byte[] head, InputStream body, MessageSummary summary) {
        this.source = source;
        this.head = head;
        this.body = body;
        this.summary = summary;
    }

    /** The copy of the queued content for the delivery; close it when its bytes are stored. */
    static MailboxCopy of(ClaimedDelivery delivery, QueuedContent content) {
        InputStream source;
        try {
            source = content.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            MimeMessage message = new MimeMessage(SESSION, source);
            SpamMarking.of(delivery.spamMark()).applyTo(message);
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            line(head, "Return-Path: <" + delivery.sender() + ">");
            line(head, "Delivered-To: " + delivery.recipient());
            for (String header : Collections.list(message.getAllHeaderLines())) {
                line(head, header);
            }
            line(head, "");
            return new MailboxCopy(source, head.toByteArray(), message.getRawInputStream(), new MessageSummary(
                    message.getHeader("Message-ID", null), decoded(message.getHeader("From", ", ")),
                    decoded(message.getHeader("Subject", null))));
        } catch (MessagingException e) {
            closeQuietly(source);
            throw new IllegalStateException("cannot read queued message " + delivery.queueId() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(source);
            throw e;
        }
    }

    MessageSummary summary() {
        return summary;
    }

    /** The bytes the mailbox keeps; read once, before the copy is closed. */
    InputStream bytes() {
        return new SequenceInputStream(new ByteArrayInputStream(head), body);
    }

    @Override
    public void close() {
        closeQuietly(body);
        closeQuietly(source);
    }

    private static void closeQuietly(InputStream stream) {
        try {
            if (stream != null) {
                stream.close();
            }
        } catch (IOException e) {
            // Only reading: nothing was lost.
        }
    }

    private static void line(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {'\r', '\n'});
    }

    /** A header as a person reads it: unfolded, MIME-decoded (as it is, when its charset is unknown). */
    private static String decoded(String raw) {
        if (raw == null) {
            return null;
        }
        String unfolded = MimeUtility.unfold(raw);
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException e) {
            return unfolded;
        }
    }
}
