package net.smtpfeed.relay.pop3;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import net.smtpfeed.relay.queue.QueuedContent;

/**
 * One mailbox as a POP3 session sees it: the messages it had when the session logged in (message 1 the oldest), their
 * bytes, and the deletions the session applies when it ends with QUIT.
 */
public interface Maildrop {

    /** One message of the maildrop: the mailbox's id of it, its exact size in octets and its unique id (UIDL). */
    record Message(long id, long size, String uid) {
    }

    /** Identifies the mailbox: at most one session per mailbox holds it at a time. */
    long mailboxId();

    List<Message> messages();

    /** The message's bytes; empty when it was deleted meanwhile (the mailbox was switched back, or deleted). */
    Optional<QueuedContent> content(Message message);

    /** The message was retrieved in full: webmail shows it as read. */
    void retrieved(Message message);

    /** Deletes the messages at the end of the session (RFC 1939 UPDATE state), all in one transaction. */
    void delete(Collection<Message> messages);
}
