package net.smtpfeed.domain.mailbox;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;

/** One piece of a stored message's bytes, in order of seq; written and read only by {@link StoredMessages}. */
@Entity
@IdClass(StoredMessageChunk.Key.class)
class StoredMessageChunk {

    record Key(Long storedMessageId, Integer seq) implements Serializable {
    }

    @Id
    private Long storedMessageId;

    @Id
    private Integer seq;

    private byte[] bytes;

    protected StoredMessageChunk() {
    }

    StoredMessageChunk(long storedMessageId, int seq, byte[] bytes) {
        this.storedMessageId = storedMessageId;
        this.seq = seq;
        this.bytes = bytes;
    }
}
