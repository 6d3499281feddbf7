package net.smtpfeed.relay.delivery;

import jakarta.mail.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import net.smtpfeed.relay.queue.QueuedContent;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A message the transport sends as it was queued, its bytes copied from the store without being parsed. Parsing each
 * queued message into a MimeMessage only for the transport to write it out again unchanged took about 4 % of the
 * relay's CPU under load (20 senders of 10 KB messages); a copy that no {@link CopyEdit} changes needs none of it.
 * <p>
 * A relay forwards the bytes it accepted and must not rewrite them (Message-ID, MIME-Version, Content-Transfer-Encoding,
 * the body), and this class cannot: the message's headers are never read into it, its own header set stays empty, and
 * {@link #writeTo} writes only the stored bytes. What {@code SMTPTransport.sendMessage} reads of a message finds
 * nothing to act on: the Subject (for a no-op hook) is null; the 8BITMIME conversion, tried only if
 * mail.smtp.allow8bitmime were set, sees no quoted-printable or base64 encoding in the empty headers and so never
 * calls {@code saveChanges}; the envelope (MAIL FROM) is this SMTPMessage's as usual. Dot-stuffing and CRLF line ends
 * remain the work of the transport's DATA stream, as for any message.
 */
final class StoredBytesMessage extends SMTPMessage {

    private final QueuedContent content;

    StoredBytesMessage(Session session, QueuedContent content) {
        super(session);
        this.content = content;
    }

    /**
     * Writes the queued bytes, leaving out the header fields named in {@code ignoreList}. The transport names Bcc and
     * Content-Length, which a parsed MimeMessage leaves out too: a copy goes out the same whether it was edited or not.
     */
    @Override
    public void writeTo(OutputStream out, String[] ignoreList) throws IOException {
        try (InputStream stored = content.open()) {
            WithoutHeaderFields.copy(stored, out, ignoreList == null ? new String[0] : ignoreList);
        }
    }
}
