package net.smtpfeed.portal.webmail;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Reads a stored message's MIME structure with Jakarta Mail. The parts that are not containers (multipart) are
 * numbered from 1 in the order they appear; the first plain-text and the first HTML part that are not attachments are
 * the body, with the images the HTML shows by their Content-ID (cid:); every other part is an attachment, downloaded
 * by its number.
 * A header or charset the message gets wrong is shown as best it can be, not refused: the mail is the customer's.
 */
public final class MailReader {

    private static final Session SESSION = Session.getInstance(new Properties());

    private MailReader() {
    }

    public static MailContent read(InputStream raw) {
        try {
            MimeMessage message = new MimeMessage(SESSION, raw);
            List<MimePart> leaves = leaves(message);
            MimePart text = firstBody(leaves, "text/plain");
            MimePart html = firstBody(leaves, "text/html");
            List<MailContent.MailPart> attachments = new ArrayList<>();
            String htmlText = html == null ? null : text(html);
            for (int i = 0; i < leaves.size(); i++) {
                MimePart leaf = leaves.get(i);
                if (leaf != text && leaf != html && !shownIn(htmlText, leaf)) {
                    attachments.add(new MailContent.MailPart(i + 1, filename(leaf, i + 1), baseType(leaf),
                            bytes(leaf).length));
                }
            }
            return new MailContent(addresses(message, "From"), addresses(message, "To"), addresses(message, "Cc"),
                    message.getSentDate() == null ? null : message.getSentDate().toInstant(), message.getSubject(),
                    text == null ? null : text(text), htmlText, List.copyOf(attachments));
        } catch (MessagingException e) {
            throw new IllegalArgumentException("not a message Jakarta Mail can read", e);
        }
    }

    /** The part of that number (see the class comment), if the message has it. */
    public static Optional<MailContent.PartData> part(InputStream raw, int index) {
        List<MimePart> leaves = leaves(parse(raw));
        return index < 1 || index > leaves.size() ? Optional.empty()
                : Optional.of(data(leaves.get(index - 1), index));
    }

    /** The part of that Content-ID (without its angle brackets), as an HTML body's cid: image names it. */
    public static Optional<MailContent.PartData> inline(InputStream raw, String contentId) {
        List<MimePart> leaves = leaves(parse(raw));
        for (int i = 0; i < leaves.size(); i++) {
            if (contentId.equals(contentId(leaves.get(i)))) {
                return Optional.of(data(leaves.get(i), i + 1));
            }
        }
        return Optional.empty();
    }

    private static MimeMessage parse(InputStream raw) {
        try {
            return new MimeMessage(SESSION, raw);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("not a message Jakarta Mail can read", e);
        }
    }

    private static List<MimePart> leaves(MimePart part) {
        List<MimePart> leaves = new ArrayList<>();
        collect(part, leaves);
        return leaves;
    }

    private static void collect(MimePart part, List<MimePart> leaves) {
        try {
            if (part.isMimeType("multipart/*") && part.getContent() instanceof MimeMultipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect((MimePart) multipart.getBodyPart(i), leaves);
                }
            } else {
                leaves.add(part);
            }
        } catch (MessagingException | IOException e) {
            // A container that cannot be read is shown as the one part it is.
            leaves.add(part);
        }
    }

    /** Whether the HTML body shows the part as an image (cid:), which makes it part of the body, not an attachment. */
    private static boolean shownIn(String html, MimePart part) {
        String id = contentId(part);
        return html != null && id != null && html.contains("cid:" + id);
    }

    private static MimePart firstBody(List<MimePart> leaves, String type) {
        return leaves.stream().filter(leaf -> type.equals(baseType(leaf)) && !isAttachment(leaf)).findFirst().orElse(null);
    }

    private static boolean isAttachment(MimePart part) {
        try {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        } catch (MessagingException e) {
            return true;
        }
    }

    private static String baseType(MimePart part) {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            return "application/octet-stream";
        }
    }

    private static String contentId(MimePart part) {
        try {
            String id = part.getContentID();
            return id == null ? null : id.strip().replaceAll("^<|>$", "");
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String filename(MimePart part, int index) {
        try {
            String name = part.getFileName();
            if (name != null && !name.isBlank()) {
                return MimeUtility.decodeText(name);
            }
        } catch (MessagingException | UnsupportedEncodingException e) {
            // Named by its number below.
        }
        return "part-" + index + ("message/rfc822".equals(baseType(part)) ? ".eml" : "");
    }

    private static String text(MimePart part) {
        try {
            if (part.getContent() instanceof String text) {
                return text;
            }
        } catch (MessagingException | IOException e) {
            // An unknown charset: read as UTF-8 below.
        }
        return new String(bytes(part), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(MimePart part) {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            return new byte[0];
        }
    }

    private static MailContent.PartData data(MimePart part, int index) {
        return new MailContent.PartData(filename(part, index), baseType(part), bytes(part));
    }

    /** "Name <address>" as a person reads it: decoded, without the quotes the header may need. */
    private static String readable(InternetAddress address) {
        String name = address.getPersonal();
        return name == null || name.isBlank() ? address.getAddress() : name + " <" + address.getAddress() + ">";
    }

    private static String addresses(MimeMessage message, String header) throws MessagingException {
        String raw = message.getHeader(header, ", ");
        if (raw == null) {
            return null;
        }
        try {
            return Arrays.stream(InternetAddress.parseHeader(raw, false)).map(MailReader::readable)
                    .collect(Collectors.joining(", "));
        } catch (AddressException e) {
            try {
                return MimeUtility.decodeText(raw);
            } catch (UnsupportedEncodingException notEncoded) {
                return raw;
            }
        }
    }
}
