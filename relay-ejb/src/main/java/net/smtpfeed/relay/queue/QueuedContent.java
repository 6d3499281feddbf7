package net.smtpfeed.relay.queue;

import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * A queued message's bytes as a worker sends them: in memory when the message fits in one stored chunk, else in a
 * temporary file, so that a large message is never held whole in the heap. Closing it deletes the file.
 */
public final class QueuedContent implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(QueuedContent.class.getName());

    private final byte[] inMemory;
    private final Path file;

    private QueuedContent(byte[] inMemory, Path file) {
        this.inMemory = inMemory;
        this.file = file;
    }

    public static QueuedContent inMemory(byte[] bytes) {
        return new QueuedContent(bytes, null);
    }

    /** The bytes of a temporary file, which this content owns from now on. */
    public static QueuedContent inFile(Path file) {
        return new QueuedContent(null, file);
    }

    /**
     * A copy of the bytes of a stream (read to its end), in memory when its size is below the limit, else in a
     * temporary file.
     */
    public static QueuedContent copyOf(InputStream bytes, long size, int inMemoryLimit) throws IOException {
        if (size < inMemoryLimit) {
            return inMemory(bytes.readAllBytes());
        }
        Path file = Files.createTempFile("smtpfeed-", ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            bytes.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return inFile(file);
    }

    /** A new stream over the bytes, one that Jakarta Mail can read parts of without copying (a SharedInputStream). */
    public InputStream open() throws IOException {
        return file == null ? new SharedByteArrayInputStream(inMemory) : new SharedFileInputStream(file.toFile());
    }

    @Override
    public void close() {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warning(() -> "could not delete " + file + ": " + e);
        }
    }
}
