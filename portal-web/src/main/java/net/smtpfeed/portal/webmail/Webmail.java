package net.smtpfeed.portal.webmail;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import net.smtpfeed.domain.mailbox.MailboxScope;
import net.smtpfeed.domain.mailbox.Mailboxes;
import net.smtpfeed.domain.mailbox.StoredMessage;
import net.smtpfeed.domain.mailbox.StoredMessages;

/**
 * The customer's webmail: the messages in one of their mailboxes a page at a time, and one message read, marked or
 * downloaded (deleting is the relay's MailboxAdministration's, under the domain's lock). Every call takes the caller's
 * scope, and another customer's mailbox or message is answered as none: this is where one tenant is kept out of
 * another's mail.
 */
@Stateless
public class Webmail {

    /** A message opened to be read: its row, the mailbox's address, and its content. */
    public record OpenedMessage(MessageRow row, String mailboxAddress, MailContent content) {
    }

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    /** The mailbox's messages newest first, from {@code first}, at most {@code max}; none for a mailbox not in scope. */
    public List<MessageRow> page(long mailboxId, MailboxScope scope, int first, int max) {
        return new Mailboxes(em).find(mailboxId, scope)
                .map(mailbox -> new StoredMessages(em).page(mailbox, first, max).stream().map(MessageRow::of).toList())
                .orElse(List.of());
    }

    public long count(long mailboxId, MailboxScope scope) {
        return new Mailboxes(em).find(mailboxId, scope).map(new StoredMessages(em)::count).orElse(0L);
    }

    /** The message read: it is marked read with it. */
    public Optional<OpenedMessage> open(long messageId, MailboxScope scope) {
        return message(messageId, scope).map(message -> {
            MailContent content;
            try (InputStream raw = new StoredMessages(em).content(message)) {
                content = MailReader.read(raw);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            message.markSeen();
            return new OpenedMessage(MessageRow.of(message), message.getMailbox().getAddress(), content);
        });
    }

    /** @return the message's mailbox, empty when there is no such message in scope */
    public Optional<Long> markUnread(long messageId, MailboxScope scope) {
        return message(messageId, scope).map(message -> {
            message.markUnseen();
            return message.getMailbox().getId();
        });
    }

    /**
     * Writes the whole message, as POP3 would give it, to the stream that {@code open} gives for its row (where the
     * caller sets the download's name first).
     *
     * @return false, having written nothing, when there is no such message in scope
     */
    public boolean download(long messageId, MailboxScope scope, Function<MessageRow, OutputStream> open) {
        Optional<StoredMessage> found = message(messageId, scope);
        found.ifPresent(message -> {
            try (InputStream raw = new StoredMessages(em).content(message)) {
                raw.transferTo(open.apply(MessageRow.of(message)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return found.isPresent();
    }

    /** The message's part of that number (see MailReader), or of that Content-ID when {@code contentId} is given. */
    public Optional<MailContent.PartData> part(long messageId, MailboxScope scope, int index, String contentId) {
        return message(messageId, scope).flatMap(message -> {
            try (InputStream raw = new StoredMessages(em).content(message)) {
                return contentId == null ? MailReader.part(raw, index) : MailReader.inline(raw, contentId);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Optional<StoredMessage> message(long messageId, MailboxScope scope) {
        return new StoredMessages(em).find(messageId, scope);
    }
}
