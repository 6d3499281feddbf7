package net.smtpfeed.relay.queue;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;

/**
 * The raw bytes of queued messages, kept in the message_chunk table in pieces of a fixed size: however large the
 * message, neither the heap, the JDBC driver nor MySQL's max_allowed_packet ever holds more than one chunk. Plain JDBC
 * (JPA would load a body whole); inside a transaction the connection is the transaction's own.
 */
@ApplicationScoped
public class MessageStore {

    /** At most what the column holds: on H2 a VARBINARY of 262,144 bytes since migration V12. */
    static final int CHUNK_BYTES = 256 * 1024;

    private static final byte[] END_OF_HEADERS = {'\r', '\n', '\r', '\n'};

    @Resource(lookup = "java:jboss/datasources/SmtpfeedDS")
    private DataSource dataSource;

    /** Stores the bytes of a message; returns how many there were. */
    public long write(long messageId, InputStream content) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO message_chunk (message_id, seq, bytes) VALUES (?, ?, ?)")) {
            long size = 0;
            int seq = 0;
            byte[] chunk;
            do {
                chunk = content.readNBytes(CHUNK_BYTES);
                if (chunk.length > 0 || seq == 0) {
                    insert.setLong(1, messageId);
                    insert.setInt(2, seq++);
                    insert.setBytes(3, chunk);
                    insert.executeUpdate();
                    size += chunk.length;
                }
            } while (chunk.length == CHUNK_BYTES);
            return size;
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the content of message " + messageId, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A message's bytes for sending: in memory when they fit in one chunk, else copied to a temporary file. */
    public QueuedContent content(long messageId) {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        copy(messageId, CHUNK_BYTES, first);
        return first.size() < CHUNK_BYTES ? QueuedContent.inMemory(first.toByteArray())
                : QueuedContent.inFile(copyToTempFile(messageId));
    }

    private Path copyToTempFile(long messageId) {
        try {
            Path file = Files.createTempFile("smtpfeed-out-", ".eml");
            try (OutputStream out = Files.newOutputStream(file)) {
                copy(messageId, Long.MAX_VALUE, out);
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message's header section (up to the blank line, at most maxBytes): what a bounce returns to the sender. */
    public byte[] headerSection(long messageId, int maxBytes) {
        ByteArrayOutputStream start = new ByteArrayOutputStream();
        copy(messageId, maxBytes, start);
        byte[] bytes = start.toByteArray();
        int end = indexOf(bytes, END_OF_HEADERS);
        return end < 0 ? bytes : Arrays.copyOf(bytes, end + 2);
    }

    private void copy(long messageId, long maxBytes, OutputStream out) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT bytes FROM message_chunk WHERE message_id = ? AND seq = ?")) {
            long copied = 0;
            for (int seq = 0; copied < maxBytes; seq++) {
                select.setLong(1, messageId);
                select.setInt(2, seq);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        if (seq == 0) {
                            throw new IllegalStateException("message " + messageId + " has no content");
                        }
                        return;
                    }
                    byte[] chunk = row.getBytes(1);
                    int length = (int) Math.min(chunk.length, maxBytes - copied);
                    out.write(chunk, 0, length);
                    copied += length;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the content of message " + messageId, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        outer:
        for (int i = 0; i <= bytes.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
