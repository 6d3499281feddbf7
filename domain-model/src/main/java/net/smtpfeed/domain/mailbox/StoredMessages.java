package net.smtpfeed.domain.mailbox;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.smtpfeed.domain.mail.Delivery;

/**
 * The messages in mailboxes as the relay stores them, and as POP3 and webmail list, read, mark and delete them,
 * inside the caller's transaction. Bytes are written and read one chunk at a time: however large the message, the
 * heap, the JDBC driver and MySQL's max_allowed_packet hold at most one chunk of it.
 */
public final class StoredMessages {

    /** At most what the column holds: on H2 a VARBINARY of 262,144 bytes since migration V12. */
    static final int CHUNK_BYTES = 256 * 1024;

    private final EntityManager em;

    public StoredMessages(EntityManager em) {
        this.em = em;
    }

    /** The mailbox's messages newest first, from {@code first}, at most {@code max}: a webmail page. */
    public List<StoredMessage> page(Mailbox mailbox, int first, int max) {
        return em.createQuery("select s from StoredMessage s where s.mailbox = :mailbox order by s.id desc",
                        StoredMessage.class)
                .setParameter("mailbox", mailbox)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    public long count(Mailbox mailbox) {
        return em.createQuery("select count(s) from StoredMessage s where s.mailbox = :mailbox", Long.class)
                .setParameter("mailbox", mailbox)
                .getSingleResult();
    }

    /** The mailbox's messages in the order they arrived: a POP3 maildrop, message 1 the oldest. */
    public List<StoredMessage> inArrivalOrder(Mailbox mailbox) {
        return em.createQuery("select s from StoredMessage s where s.mailbox = :mailbox order by s.id", StoredMessage.class)
                .setParameter("mailbox", mailbox)
                .getResultList();
    }

    /** The message of that id if the scope covers its mailbox; empty for another customer's, as for none. */
    public Optional<StoredMessage> find(long id, MailboxScope scope) {
        return Optional.ofNullable(em.find(StoredMessage.class, id)).filter(s -> scope.covers(s.getMailbox()));
    }

    /**
     * Stores one delivery's copy in the mailbox and marks the delivery STORED. The database takes one stored copy per
     * delivery: a second store of the same delivery fails and rolls back.
     *
     * @param content the bytes as the mailbox gives them, read to their end
     */
    public StoredMessage store(Mailbox mailbox, Delivery delivery, MessageSummary summary, InputStream content,
                               Instant now) {
        StoredMessage message = new StoredMessage(mailbox, delivery, summary, now);
        em.persist(message);
        em.flush();
        message.sized(writeChunks(message.getId(), content));
        delivery.storedInMailbox(now);
        return message;
    }

    private long writeChunks(long storedMessageId, InputStream content) {
        try {
            long size = 0;
            int seq = 0;
            byte[] chunk;
            do {
                chunk = content.readNBytes(CHUNK_BYTES);
                if (chunk.length > 0 || seq == 0) {
                    StoredMessageChunk row = new StoredMessageChunk(storedMessageId, seq++, chunk);
                    em.persist(row);
                    em.flush();
                    em.detach(row);
                    size += chunk.length;
                }
            } while (chunk.length == CHUNK_BYTES);
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The message's bytes, read a chunk at a time as the stream is read: read it inside the transaction that this
     * persistence context belongs to.
     */
    public InputStream content(StoredMessage message) {
        long id = message.getId();
        return new InputStream() {
            private byte[] chunk = new byte[0];
            private int position;
            private int nextSeq;
            private boolean ended;

            @Override
            public int read() {
                return fill() ? chunk[position++] & 0xff : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int count = Math.min(length, chunk.length - position);
                System.arraycopy(chunk, position, buffer, offset, count);
                position += count;
                return count;
            }

            private boolean fill() {
                while (!ended && position == chunk.length) {
                    List<byte[]> next = em.createQuery("""
                                    select c.bytes from StoredMessageChunk c
                                    where c.storedMessageId = :id and c.seq = :seq""", byte[].class)
                            .setParameter("id", id)
                            .setParameter("seq", nextSeq++)
                            .getResultList();
                    ended = next.isEmpty();
                    chunk = ended ? chunk : next.get(0);
                    position = ended ? position : 0;
                }
                return position < chunk.length;
            }
        };
    }

    /** Deletes one message: DELE at the end of a POP3 session, or delete in webmail. */
    public void delete(StoredMessage message) {
        em.createQuery("delete from StoredMessageChunk c where c.storedMessageId = :id")
                .setParameter("id", message.getId())
                .executeUpdate();
        em.remove(message);
    }

    /** Deletes every message of the mailbox; returns how many. */
    public int deleteAll(Mailbox mailbox) {
        List<StoredMessage> messages = inArrivalOrder(mailbox);
        messages.forEach(this::delete);
        return messages.size();
    }
}
