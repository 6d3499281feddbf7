package net.smtpfeed.relay.filter;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.SharedInputStream;
import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.mail.util.SharedFileInputStream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The embedded scanner for a machine without clamd: the EICAR test file in any decoded MIME part (also inside zip
 * attachments, nested ones too) and any part or zip entry whose SHA-256 is listed. Parts are read through a shared
 * stream, so a large message is never copied whole into the heap; malformed MIME is scanned as far as it decodes,
 * and what does not decode is scanned as opaque bytes.
 */
public final class BuiltInScanner implements VirusScanner {

    public static final String EICAR_NAME = "Eicar-Test-Signature";
    /** The EICAR test file, in two halves so that this class file is not itself taken for the test file. */
    static final byte[] EICAR = String.join("", // joined at run time: javac would fold a + of two literals
            "X5O!P%@AP[4\\PZX54(P^)7CC)7}$",
            "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*").getBytes(StandardCharsets.US_ASCII);
    /** The EICAR file may be followed by whitespace, up to this many bytes in all. */
    private static final int EICAR_MAX_FILE_BYTES = 128;
    static final int MAX_ZIP_DEPTH = 5;
    private static final int MAX_MIME_NESTING = 32;
    static final long DEFAULT_MAX_INFLATED_BYTES = 256L * 1024 * 1024;
    /** Messages up to this size are scanned from memory; larger ones from a temporary file. */
    private static final int IN_MEMORY_BYTES = 1024 * 1024;
    private static final byte[] ZIP_LOCAL_HEADER = {'P', 'K', 3, 4};

    private final Set<String> listedSha256;
    private final long maxInflatedBytes;
    private final Session mailSession;

    /** @param listedSha256 hex SHA-256 digests of files to treat as infected, in either case */
    public BuiltInScanner(Set<String> listedSha256) {
        this(listedSha256, DEFAULT_MAX_INFLATED_BYTES);
    }

    /** @param maxInflatedBytes how much one message's zip attachments may inflate to in all; beyond, not inflated */
    BuiltInScanner(Set<String> listedSha256, long maxInflatedBytes) {
        this.listedSha256 = listedSha256.stream()
                .map(digest -> digest.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.maxInflatedBytes = maxInflatedBytes;
        this.mailSession = Session.getInstance(new Properties());
    }

    @Override
    public String engine() {
        return "built-in";
    }

    @Override
    public ScanVerdict scan(ScannableMessage message) throws ScannerUnavailable {
        Path spooled = null;
        try {
            InputStream shared;
            InputStream raw = message.open();
            if (raw instanceof SharedInputStream) {
                shared = raw;
            } else if (message.size() <= IN_MEMORY_BYTES) {
                try (raw) {
                    shared = new SharedByteArrayInputStream(raw.readAllBytes());
                }
            } else {
                spooled = Files.createTempFile("smtpfeed-scan-", ".eml");
                try (raw; OutputStream copy = Files.newOutputStream(spooled)) {
                    raw.transferTo(copy);
                }
                shared = new SharedFileInputStream(spooled.toFile());
            }
            try (shared) {
                return new MessageScan().message(shared, 0);
            }
        } catch (IOException e) {
            throw new ScannerUnavailable("the message could not be read for scanning: " + e.getMessage(), e);
        } finally {
            if (spooled != null) {
                try {
                    Files.deleteIfExists(spooled);
                } catch (IOException ignored) {
                    // a temporary file; the system cleans its temp directory
                }
            }
        }
    }

    /** One message's scan, with its budget of inflated bytes. */
    private final class MessageScan {
        private long inflatedBytes;

        ScanVerdict message(InputStream raw, int nesting) throws IOException {
            MimeMessage parsed;
            try {
                parsed = new MimeMessage(mailSession, raw);
            } catch (MessagingException e) {
                // the headers were partly read: scan the bytes from the start, where the stream allows it
                return opaque(raw instanceof SharedInputStream shared ? shared.newStream(0, -1) : raw);
            }
            return part(parsed, nesting);
        }

        private ScanVerdict part(MimePart part, int nesting) throws IOException {
            try {
                if (nesting < MAX_MIME_NESTING && part.isMimeType("multipart/*")) {
                    MimeMultipart multipart = new MimeMultipart(new MimePartDataSource(part));
                    for (int i = 0; i < multipart.getCount(); i++) {
                        BodyPart child = multipart.getBodyPart(i);
                        ScanVerdict verdict = child instanceof MimePart mimePart
                                ? part(mimePart, nesting + 1)
                                : opaque(child.getInputStream());
                        if (verdict.isInfected()) {
                            return verdict;
                        }
                    }
                    return ScanVerdict.CLEAN;
                }
                if (nesting < MAX_MIME_NESTING && part.isMimeType("message/rfc822")) {
                    try (InputStream forwarded = part.getInputStream()) {
                        return message(forwarded, nesting + 1);
                    }
                }
                try (InputStream decoded = part.getInputStream()) {
                    return content(decoded, 0);
                }
            } catch (MessagingException | IOException | RuntimeException undecodable) {
                // a broken structure or encoding: what the part holds is still scanned, as it stands
                return opaqueContent(part);
            }
        }

        private ScanVerdict opaqueContent(Part part) throws IOException {
            InputStream raw;
            try {
                raw = part instanceof MimeBodyPart body ? body.getRawInputStream()
                        : part instanceof MimeMessage message ? message.getRawInputStream()
                        : null;
            } catch (MessagingException e) {
                return ScanVerdict.CLEAN; // no bytes to be had at all
            }
            return raw == null ? ScanVerdict.CLEAN : opaque(raw);
        }

        private ScanVerdict opaque(InputStream raw) throws IOException {
            try (raw) {
                return content(raw, 0);
            }
        }

        /**
         * One file's bytes, read once: its start compared with EICAR, its SHA-256 compared with the list, and, when
         * it is a zip archive, each entry scanned the same way.
         */
        private ScanVerdict content(InputStream bytes, int zipDepth) throws IOException {
            DigestInputStream digesting = new DigestInputStream(bytes, sha256());
            digesting.on(!listedSha256.isEmpty());
            PushbackInputStream in = new PushbackInputStream(digesting, EICAR_MAX_FILE_BYTES + 1);
            byte[] head = in.readNBytes(EICAR_MAX_FILE_BYTES + 1);
            if (isEicar(head)) {
                return ScanVerdict.infected(EICAR_NAME);
            }
            in.unread(head);
            if (zipDepth < MAX_ZIP_DEPTH && startsWith(head, ZIP_LOCAL_HEADER)) {
                ScanVerdict inZip = zipEntries(in, zipDepth + 1);
                if (inZip.isInfected()) {
                    return inZip;
                }
            }
            if (listedSha256.isEmpty()) {
                return ScanVerdict.CLEAN;
            }
            in.transferTo(OutputStream.nullOutputStream());
            String digest = HexFormat.of().formatHex(digesting.getMessageDigest().digest());
            return listedSha256.contains(digest)
                    ? ScanVerdict.infected("SHA256:" + digest.substring(0, 16))
                    : ScanVerdict.CLEAN;
        }

        private ScanVerdict zipEntries(InputStream archive, int zipDepth) throws IOException {
            ZipInputStream zip = new ZipInputStream(new KeepOpen(archive));
            try {
                ZipEntry entry;
                // Past the budget (a zip bomb, or just a very large archive) nothing more is inflated: not even
                // to skip to the next entry, which getNextEntry would do by inflating the rest of this one.
                while (inflatedBytes < maxInflatedBytes && (entry = zip.getNextEntry()) != null) {
                    if (entry.isDirectory()) {
                        continue;
                    }
                    ScanVerdict verdict = content(new InflationBudget(zip), zipDepth);
                    if (verdict.isInfected()) {
                        return verdict;
                    }
                }
            } catch (IOException | IllegalArgumentException brokenArchive) {
                // a damaged or truncated zip: the entries before the damage were scanned; the bytes still are
            }
            return ScanVerdict.CLEAN;
        }

        /** Counts what one zip entry inflates to and ends it, as if it were complete, when the budget is spent. */
        private final class InflationBudget extends FilterInputStream {
            InflationBudget(InputStream entry) {
                super(entry);
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                long left = maxInflatedBytes - inflatedBytes;
                if (left <= 0) {
                    return -1;
                }
                int read = super.read(buffer, offset, (int) Math.min(length, left));
                if (read > 0) {
                    inflatedBytes += read;
                }
                return read;
            }

            @Override
            public long skip(long n) throws IOException {
                return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
            }

            @Override
            public void close() {
                // the next entry is read from the same archive stream
            }
        }
    }

    static boolean isEicar(byte[] head) {
        if (head.length < EICAR.length || head.length > EICAR_MAX_FILE_BYTES || !startsWith(head, EICAR)) {
            return false;
        }
        for (int i = EICAR.length; i < head.length; i++) {
            byte b = head[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0x1a) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Lets a ZipInputStream read an archive without closing the stream the archive is part of. */
    private static final class KeepOpen extends FilterInputStream {
        KeepOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
    }
}
