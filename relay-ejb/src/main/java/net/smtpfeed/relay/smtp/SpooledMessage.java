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
    private final int receivedHeaders;

    private SpooledMessage(Path file, long size, int receivedHeaders) {
        this.file = file;
        this.size = size;
        this.receivedHeaders = receivedHeaders;
    }

    /**
     * Writes our trace header, then reads DATA to its end, counting its Received headers on the way. Past maxBytes
     * of DATA the rest is read and dropped, so that the session stays in step with the client, and the message is
     * reported as too much data.
     */
    public static SpooledMessage spool(InputStream data, byte[] traceHeader, long maxBytes) throws IOException {
        Path file = Files.createTempFile("smtpfeed-", ".eml");
        ReceivedHeaderCounter hops = new ReceivedHeaderCounter();
        long dataSize = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(traceHeader);
            byte[] buffer = new byte[BUFFER_SIZE];
            for (int n; (n = data.read(buffer)) != -1; ) {
                dataSize += n;
                if (dataSize > maxBytes) {
                    data.transferTo(OutputStream.nullOutputStream());
                    throw new TooMuchDataException("message exceeds the size limit of " + maxBytes + " bytes");
                }
                hops.accept(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new SpooledMessage(file, traceHeader.length + dataSize, hops.count());
    }

    public long size() {
        return size;
    }

    /** The Received headers the message came with, not counting ours: the hops it has made. */
    public int receivedHeaders() {
        return receivedHeaders;
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
