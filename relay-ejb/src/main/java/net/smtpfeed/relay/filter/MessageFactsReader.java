package net.smtpfeed.relay.filter;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Reads one raw message into the {@link MessageFacts} the built-in spam rules need, in one pass over its bytes and
 * within fixed bounds, whatever the message's size or shape: its headers up to {@value #MAX_HEADER_BYTES} bytes, and
 * of each text part that is not an attachment at most {@value #MAX_TEXT_BYTES_PER_PART} bytes of decoded text, at most
 * {@value #MAX_TEXT_BYTES} in all. Everything else (attachments, the rest of long texts) is read past and dropped.
 *
 * <p>Angus Mail parses each header block, content type, and transfer encoding; the MIME structure is walked here,
 * line by line, because Angus's MimeMultipart keeps every part of a multipart in the heap at once (all its bytes, or,
 * from a shared stream, one object per part, however many thousands a hostile message holds).
 */
final class MessageFactsReader {

    static final int MAX_HEADER_BYTES = 256 * 1024;
    static final int MAX_TEXT_BYTES_PER_PART = 256 * 1024;
    static final int MAX_TEXT_BYTES = 1024 * 1024;
    /** Multiparts and attached messages nested deeper than this are read past as opaque bytes. */
    static final int MAX_NESTING = 16;
    /** Longer lines are read in pieces of this size; no boundary line is this long. */
    private static final int MAX_LINE_BYTES = 8 * 1024;

    private final Lines lines;
    private final Deque<String> boundaries = new ArrayDeque<>();
    private final List<String> texts = new ArrayList<>();
    private int textBytesLeft = MAX_TEXT_BYTES;
    private boolean plainBody;
    private boolean htmlBody;

    private MessageFactsReader(InputStream raw) {
        this.lines = new Lines(raw);
    }

    /** Reads the message to its end; the caller closes the stream. */
    static MessageFacts read(InputStream raw, Instant scoredAt) throws IOException {
        MessageFactsReader reader = new MessageFactsReader(raw);
        InternetHeaders headers = reader.headers();
        reader.entity(headers, 0);
        return new MessageFacts(headers, reader.texts, reader.plainBody, reader.htmlBody, scoredAt);
    }

    /** Where an entity's content ended: at a boundary line of an enclosing multipart, or at the end of the input. */
    private record End(String boundary, boolean closing) {
        static final End INPUT = new End(null, false);
    }

    /** One entity's content, after its headers, up to the boundary or end of input that ends it. */
    private End entity(InternetHeaders headers, int nesting) throws IOException {
        ContentType type = contentType(headers);
        String encoding = firstValue(headers, "Content-Transfer-Encoding");
        boolean identityEncoded = encoding == null
                || Arrays.asList("7bit", "8bit", "binary").contains(encoding.strip().toLowerCase(Locale.ROOT));
        if (nesting < MAX_NESTING && identityEncoded && type.match("multipart/*")
                && type.getParameter("boundary") != null) {
            return multipart(type.getParameter("boundary"), nesting);
        }
        if (nesting < MAX_NESTING && identityEncoded && type.match("message/rfc822")) {
            return entity(headers(), nesting + 1); // a forwarded message: its text is part of this one's
        }
        boolean attachment = isAttachment(headers);
        boolean plain = type.match("text/plain");
        boolean html = type.match("text/html");
        plainBody |= plain && !attachment;
        htmlBody |= html && !attachment;
        Body body = new Body();
        if ((plain || html) && !attachment && textBytesLeft > 0) {
            texts.add(text(body, encoding, type.getParameter("charset")));
        }
        body.transferTo(OutputStream.nullOutputStream());
        return body.end;
    }

    private End multipart(String boundary, int nesting) throws IOException {
        boundaries.push(boundary);
        End end;
        try {
            end = skipToBoundary(); // the preamble
            while (boundary.equals(end.boundary()) && !end.closing()) {
                end = entity(headers(), nesting + 1);
            }
        } finally {
            boundaries.pop();
        }
        if (boundary.equals(end.boundary())) {
            return skipToBoundary(); // the epilogue, up to an enclosing boundary
        }
        return end; // the end of the input, or an enclosing boundary: this multipart was not closed
    }

    private End skipToBoundary() throws IOException {
        Body skipped = new Body();
        skipped.transferTo(OutputStream.nullOutputStream());
        return skipped.end;
    }

    /** Decodes up to this part's share of the text budget; the rest of the part is left for the caller to skip. */
    private String text(Body body, String encoding, String charsetName) throws IOException {
        InputStream decoded = body;
        if (encoding != null) {
            try {
                decoded = MimeUtility.decode(body, encoding.strip());
            } catch (MessagingException unknownEncoding) {
                // read as it stands
            }
        }
        byte[] bytes;
        try {
            bytes = decoded.readNBytes(Math.min(MAX_TEXT_BYTES_PER_PART, textBytesLeft));
        } catch (IOException | RuntimeException badEncoding) {
            bytes = new byte[0]; // a broken base64 or quoted-printable body: no text to be had from it
        }
        textBytesLeft -= bytes.length;
        return new String(bytes, charset(charsetName));
    }

    /**
     * A header block, up to and including its empty line; a boundary line ends it too (a part without headers or
     * without the empty line) and is left for the content. Beyond {@value #MAX_HEADER_BYTES} bytes, lines are dropped.
     */
    private InternetHeaders headers() throws IOException {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        Line line;
        while ((line = lines.next()) != null) {
            if (line.startsLine() && line.isEmpty()) {
                break;
            }
            if (line.startsLine() && boundaryOf(line) != null) {
                lines.pushBack(line);
                break;
            }
            if (block.size() + line.length() <= MAX_HEADER_BYTES) {
                block.write(line.bytes(), 0, line.length());
            }
        }
        block.write('\r');
        block.write('\n');
        try {
            return new InternetHeaders(new ByteArrayInputStream(block.toByteArray()), true);
        } catch (MessagingException unparsable) {
            return new InternetHeaders();
        }
    }

    /** The boundary line this line is, of the innermost multipart it could close; null when it is content. */
    private End boundaryOf(Line line) {
        if (boundaries.isEmpty() || line.length() < 3 || line.bytes()[0] != '-' || line.bytes()[1] != '-') {
            return null;
        }
        String text = new String(line.bytes(), 2, line.length() - 2, StandardCharsets.ISO_8859_1).stripTrailing();
        for (String boundary : boundaries) {
            if (text.equals(boundary)) {
                return new End(boundary, false);
            }
            if (text.length() == boundary.length() + 2 && text.startsWith(boundary) && text.endsWith("--")) {
                return new End(boundary, true);
            }
        }
        return null;
    }

    /** The content of one entity as raw bytes, ending before the first boundary line of any enclosing multipart. */
    private final class Body extends InputStream {
        private Line line;
        private int offset;
        private End end;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int from, int length) throws IOException {
            if (end != null) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            while (line == null || offset == line.length()) {
                line = lines.next();
                offset = 0;
                if (line == null) {
                    end = End.INPUT;
                    return -1;
                }
                End boundary = line.startsLine() ? boundaryOf(line) : null;
                if (boundary != null) {
                    end = boundary;
                    line = null;
                    return -1;
                }
            }
            int n = Math.min(length, line.length() - offset);
            System.arraycopy(line.bytes(), offset, buffer, from, n);
            offset += n;
            return n;
        }
    }

    /** A line with its terminator, or a piece of a line longer than {@value #MAX_LINE_BYTES} bytes. */
    private record Line(byte[] bytes, int length, boolean startsLine) {
        boolean isEmpty() {
            return length == 0 || (length == 1 && bytes[0] == '\n') || (length == 2 && bytes[0] == '\r'
                    && bytes[1] == '\n');
        }
    }

    /** The input cut into lines, each of at most {@value #MAX_LINE_BYTES} bytes. */
    private static final class Lines {
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;
        private boolean atLineStart = true;
        private Line pushedBack;

        Lines(InputStream in) {
            this.in = in;
        }

        void pushBack(Line line) {
            pushedBack = line;
        }

        Line next() throws IOException {
            if (pushedBack != null) {
                Line line = pushedBack;
                pushedBack = null;
                return line;
            }
            byte[] line = new byte[128]; // grows, up to MAX_LINE_BYTES, for the few long lines
            int length = 0;
            while (length < MAX_LINE_BYTES) {
                if (position == limit) {
                    limit = Math.max(in.read(buffer), 0);
                    position = 0;
                    if (limit == 0) {
                        break;
                    }
                }
                byte b = buffer[position++];
                if (length == line.length) {
                    line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, line.length * 2));
                }
                line[length++] = b;
                if (b == '\n') {
                    break;
                }
            }
            if (length == 0) {
                return null;
            }
            boolean startsLine = atLineStart;
            atLineStart = line[length - 1] == '\n';
            return new Line(line, length, startsLine);
        }
    }

    private static ContentType contentType(InternetHeaders headers) {
        String value = firstValue(headers, "Content-Type");
        if (value != null) {
            try {
                return new ContentType(value);
            } catch (ParseException malformed) {
                // as if absent
            }
        }
        try {
            return new ContentType("text/plain; charset=us-ascii"); // RFC 2045's default
        } catch (ParseException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static boolean isAttachment(InternetHeaders headers) {
        String disposition = firstValue(headers, "Content-Disposition");
        return disposition != null && disposition.strip().toLowerCase(Locale.ROOT).startsWith("attachment");
    }

    private static String firstValue(InternetHeaders headers, String name) {
        String value = headers.getHeader(name, null);
        return value == null ? null : MimeUtility.unfold(value);
    }

    private static Charset charset(String name) {
        if (name != null) {
            try {
                return Charset.forName(MimeUtility.javaCharset(name.strip()));
            } catch (RuntimeException unknown) {
                // below
            }
        }
        return StandardCharsets.ISO_8859_1; // no byte fails to decode, and ASCII reads as ASCII
    }
}
