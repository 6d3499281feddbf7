package net.smtpfeed.relay.pop3;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import net.smtpfeed.relay.queue.QueuedContent;

/** The POP3 server's maildrops: the mailboxes of domains in mailbox mode, in the database. */
@ApplicationScoped
public class MailboxMaildrops implements Maildrops {

    @Inject
    private MaildropStore store;

    @Override
    public Optional<Maildrop> open(String user, char[] password) {
        return store.login(user, password).map(opened -> new StoredMaildrop(store, opened));
    }

    private record StoredMaildrop(MaildropStore store, MaildropStore.Opened opened) implements Maildrop {

        @Override
        public long mailboxId() {
            return opened.mailboxId();
        }

        @Override
        public List<Message> messages() {
            return opened.messages();
        }

        @Override
        public Optional<QueuedContent> content(Message message) {
            return store.content(message.id());
        }

        @Override
        public void retrieved(Message message) {
            store.markSeen(message.id());
        }

        @Override
        public void delete(Collection<Message> messages) {
            store.delete(opened.mailboxId(), messages.stream().map(Message::id).toList());
        }
    }
}
