package net.smtpfeed.domain.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A relay upgraded with messages in its queue or its mailboxes finds their bytes as they were: V12 changes the type
 * of the chunk columns on H2 (MySQL: nothing to change), and a chunk of the full 256 KB survives it.
 */
class ChunkMigrationTest {

    private static final int CHUNK_BYTES = 256 * 1024;

    @Test
    void queuedMessageBytesWrittenBeforeTheChunkTypeChangeReadBackTheSameAfterIt() throws SQLException {
        TestDatabase database = TestDatabase.fromBuild().emptied().migratedTo("11");
        byte[] first = randomBytes(CHUNK_BYTES, 1);
        byte[] last = randomBytes(1000, 2);
        long messageId;
        try (Connection connection = database.connect()) {
            messageId = insertMessage(connection);
            insertChunk(connection, messageId, 0, first);
            insertChunk(connection, messageId, 1, last);
        }

        database.migrated();

        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT bytes FROM message_chunk WHERE message_id = ? ORDER BY seq")) {
            select.setLong(1, messageId);
            try (ResultSet chunks = select.executeQuery()) {
                chunks.next();
                assertArrayEquals(first, chunks.getBytes(1));
                chunks.next();
                assertArrayEquals(last, chunks.getBytes(1));
            }
        }
    }

    private static long insertMessage(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO mail_message (queue_id, envelope_sender, client_address, helo, size_bytes, received_at)
                VALUES ('MIGRATED0000001', 'sender@example.org', '192.0.2.1', 'mx.example.org', ?, ?)""",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, CHUNK_BYTES + 1000);
            insert.setTimestamp(2, Timestamp.from(Instant.now()));
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                return key.getLong(1);
            }
        }
    }

    private static void insertChunk(Connection connection, long messageId, int seq, byte[] bytes) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO message_chunk (message_id, seq, bytes) VALUES (?, ?, ?)")) {
            insert.setLong(1, messageId);
            insert.setInt(2, seq);
            insert.setBytes(3, bytes);
            insert.executeUpdate();
        }
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
