package net.smtpfeed.portal.webmail;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A message as its reader sees it: the header fields a person reads (decoded), its text and its HTML body (either may
 * be null), and its other parts as attachments.
 */
public record MailContent(String from, String to, String cc, Instant sent, String subject, String text, String html,
                          List<MailPart> attachments) implements Serializable {

    /** One part of a message besides its body: the index by which it is downloaded, and what it is. */
    public record MailPart(int index, String filename, String contentType, long size) implements Serializable {
    }

    /** The bytes of one part, decoded from its transfer encoding, to be downloaded. */
    public record PartData(String filename, String contentType, byte[] bytes) {
    }
}
