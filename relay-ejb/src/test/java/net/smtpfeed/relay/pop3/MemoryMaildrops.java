package net.smtpfeed.relay.pop3;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import net.smtpfeed.relay.queue.QueuedContent;

/**
 * Mailboxes held in memory, for the protocol tests of the POP3 server: what the database gives it (MaildropStore),
 * without a database. The end-to-end tests run the server on the real mailboxes.
 */
final class MemoryMaildrops implements Maildrops {

    private record Mailbox(long id, String password, List<byte[]> messages, List<String> retrieved) {
    }

    private final Map<String, Mailbox> mailboxes = new ConcurrentHashMap<>();

    /** A mailbox for the user with the password, holding the messages (RFC 822 text with CRLF lines), oldest first. */
    void mailbox(String user, String password, String... messages) {
        List<byte[]> bytes = new CopyOnWriteArrayList<>();
        for (String message : messages) {
            bytes.add(message.getBytes(StandardCharsets.UTF_8));
        }
        mailboxes.put(user, new Mailbox(mailboxes.size() + 1, password, bytes, new CopyOnWriteArrayList<>()));
    }

    /** The messages still in the user's mailbox. */
    List<String> messagesOf(String user) {
        return mailboxes.get(user).messages().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    /** The uids of the messages retrieved in full, in order. */
    List<String> retrievedFrom(String user) {
        return List.copyOf(mailboxes.get(user).retrieved());
    }

    @Override
    public Optional<Maildrop> open(String user, char[] password) {
        Mailbox mailbox = mailboxes.get(user);
        if (mailbox == null || !mailbox.password().equals(new String(password))) {
            return Optional.empty();
        }
        List<Maildrop.Message> listing = new ArrayList<>();
        for (byte[] message : mailbox.messages()) {
            listing.add(new Maildrop.Message(System.identityHashCode(message), message.length,
                    "uid-" + System.identityHashCode(message)));
        }
        return Optional.of(new Maildrop() {
            @Override
            public long mailboxId() {
                return mailbox.id();
            }

            @Override
            public List<Message> messages() {
                return listing;
            }

            @Override
            public Optional<QueuedContent> content(Message message) {
                return bytesOf(message).map(QueuedContent::inMemory);
            }

            @Override
            public void retrieved(Message message) {
                mailbox.retrieved().add(message.uid());
            }

            @Override
            public void delete(Collection<Message> messages) {
                messages.forEach(m -> bytesOf(m).ifPresent(mailbox.messages()::remove));
            }

            private Optional<byte[]> bytesOf(Message message) {
                return mailbox.messages().stream().filter(b -> System.identityHashCode(b) == message.id()).findFirst();
            }
        });
    }
}
