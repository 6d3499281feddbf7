package net.smtpfeed.relay.smtp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.subethamail.smtp.TooMuchDataException;

/**
 * The bytes of one DATA command, held until the queue has its own copy. A small message, as most mail is, stays in
 * memory; past {@link #IN_MEMORY_LIMIT} the whole message goes to a temporary file instead, so that no large message
 * is ever held whole in the heap. The file is deleted when the SMTP transaction ends, whatever its outcome.
 */
public final class SpooledMessage implements AutoCloseable {

    static final int IN_MEMORY_LIMIT = 64 * 1024;
    private static final int BUFFER_SIZE = 16 * 1024;

    private final byte[] inMemory;
    private final Path file;
    private final long size;
    private final int receivedHeaders;

    private SpooledMessage(byte[] inMemory, Path file, long size, int receivedHeaders) {
        this.inMemory = inMemory;
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
        ReceivedHeaderCounter hops = new ReceivedHeaderCounter();
        ByteArrayOutputStream memory = new ByteArrayOutputStream(BUFFER_SIZE);
        memory.write(traceHeader);
        Path file = null;
        OutputStream out = memory;
        long dataSize = 0;
        try {
            byte[] buffer = new byte[BUFFER_SIZE];
            for (int n; (n = data.read(buffer)) != -1; ) {
                dataSize += n;
                if (dataSize > maxBytes) {
                    data.transferTo(OutputStream.nullOutputStream());
                    throw new TooMuchDataException("message exceeds the size limit of " + maxBytes + " bytes");
                }
                hops.accept(buffer, 0, n);
                if (file == null && memory.size() + n > IN_MEMORY_LIMIT) {
                    file = Files.createTempFile("smtpfeed-", ".eml");
                    out = Files.newOutputStream(file);
                    memory.writeTo(out);
                    memory.reset();
                }
                out.write(buffer, 0, n);
            }
            out.close();
        } catch (IOException | RuntimeException e) {
            closeQuietly(out);
            if (file != null) {
                Files.deleteIfExists(file);
            }
            throw e;
        }
        return new SpooledMessage(file == null ? memory.toByteArray() : null, file, traceHeader.length + dataSize,
                hops.count());
    }

    public long size() {
        return size;
    }

    /** The Received headers the message came with, not counting ours: the hops it has made. */
    public int receivedHeaders() {
        return receivedHeaders;
    }

    public InputStream open() throws IOException {
        return file == null ? new ByteArrayInputStream(inMemory) : Files.newInputStream(file);
    }

    @Override
    public void close() {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // The spool failed already; that failure is the one reported.
        }
    }
}
