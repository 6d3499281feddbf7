package net.smtpfeed.relay.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Copies a message's bytes, leaving out whole header fields (folded lines included) by name, as a parsed MimeMessage
 * leaves out the names given to its {@code writeTo}. Only the header section is looked at, in lines as Jakarta Mail
 * reads them (ended by CRLF, LF or a lone CR; the first blank line ends the section), and only for each field's name;
 * the lines kept and the body are copied as they are.
 */
final class WithoutHeaderFields {

    private final InputStream in;
    private final String[] leftOut;
    /** The header section as far as it has been read; it is held whole, as Jakarta Mail holds a parsed one. */
    private byte[] bytes = new byte[8192];
    private int length;

    private WithoutHeaderFields(InputStream in, String[] leftOut) {
        this.in = in;
        this.leftOut = leftOut;
    }

    /** Copies {@code in} to its end into {@code out}, without the header fields named in {@code leftOut}. */
    static void copy(InputStream in, OutputStream out, String[] leftOut) throws IOException {
        new WithoutHeaderFields(in, leftOut).copyTo(out);
    }

    private void copyTo(OutputStream out) throws IOException {
        int start = 0;
        boolean leavingOut = false;
        for (int end; (end = lineEnd(start)) > start && !isLineEnd(bytes[start]); start = end) {
            boolean folded = bytes[start] == ' ' || bytes[start] == '\t';
            if (!folded) {
                leavingOut = isNamedLeftOut(start, end);
            }
            if (!leavingOut) {
                out.write(bytes, start, end - start);
            }
        }
        out.write(bytes, start, length - start);
        in.transferTo(out);
    }

    /** Where the line that begins at {@code start} ends, after its line end; where the stream ends if that is first. */
    private int lineEnd(int start) throws IOException {
        for (int i = start; i < length || readMore(); i++) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
            if (bytes[i] == '\r') {
                return (i + 1 < length || readMore()) && bytes[i + 1] == '\n' ? i + 2 : i + 1;
            }
        }
        return length;
    }

    private boolean readMore() throws IOException {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        int read = in.read(bytes, length, bytes.length - length);
        if (read < 0) {
            return false;
        }
        length += read;
        return true;
    }

    /** Whether the field that begins on this line has a name to leave out: what comes before its colon, trimmed. */
    private boolean isNamedLeftOut(int start, int end) {
        int nameEnd = start;
        while (nameEnd < end && bytes[nameEnd] != ':') {
            nameEnd++;
        }
        String name = new String(bytes, start, nameEnd - start, StandardCharsets.ISO_8859_1).trim();
        return Arrays.stream(leftOut).anyMatch(name::equalsIgnoreCase);
    }

    private static boolean isLineEnd(byte b) {
        return b == '\r' || b == '\n';
    }
}
