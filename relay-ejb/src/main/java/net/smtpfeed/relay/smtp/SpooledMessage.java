package net.smtpfeed.relay.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.subethamail.smtp.TooMuchDataException;

/**
 * The bytes of one DATA command, streamed to a temporary file so that no message is ever held whole in the heap.
 * Deleted when the SMTP transaction ends, whatever its outcome: by then the queue holds its own copy.
 */
public final class SpooledMessage implements AutoCloseable {

    private static final int BUFFER_SIZE = 64 * 1024;

    private final Path file;
    private final long size;

    private SpooledMessage(Path file, long size) {
        this.file = file;
        this.size = size;
    }

    /**
     * Reads DATA to its end. Past maxBytes the rest is read and dropped, so that the session stays in step with the
     * client, and the message is reported as too much data.
     */
    public static SpooledMessage spool(InputStream data, long maxBytes) throws IOException {
        Path file = Files.createTempFile("smtpfeed-", ".eml");
        long size = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[BUFFER_SIZE];
            for (int n; (n = data.read(buffer)) != -1; ) {
                size += n;
                if (size > maxBytes) {
                    data.transferTo(OutputStream.nullOutputStream());
                    throw new TooMuchDataException("message exceeds the size limit of " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new SpooledMessage(file, size);
    }

    public long size() {
        return size;
    }

    public InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
