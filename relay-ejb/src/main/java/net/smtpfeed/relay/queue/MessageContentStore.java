package net.smtpfeed.relay.queue;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The raw bytes of queued messages, streamed between files and the message_content table with plain JDBC: JPA
 * would load a whole body into the heap. Inside a transaction the connection is the transaction's own.
 */
@ApplicationScoped
public class MessageContentStore {

    @Resource(lookup = "java:jboss/datasources/SmtpfeedDS")
    private DataSource dataSource;

    public void write(long messageId, InputStream content, long length) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO message_content (message_id, content) VALUES (?, ?)")) {
            insert.setLong(1, messageId);
            insert.setBinaryStream(2, content, length);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the content of message " + messageId, e);
        }
    }

    /** Copies a message's bytes to a new temporary file, which the caller deletes. */
    public Path copyToTempFile(long messageId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT content FROM message_content WHERE message_id = ?")) {
            select.setLong(1, messageId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("message " + messageId + " has no content");
                }
                Path file = Files.createTempFile("smtpfeed-out-", ".eml");
                try (InputStream content = row.getBinaryStream(1)) {
                    Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
                }
                return file;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the content of message " + messageId, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
