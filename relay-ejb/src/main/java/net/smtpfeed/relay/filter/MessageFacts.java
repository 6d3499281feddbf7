package net.smtpfeed.relay.filter;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;

import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the built-in spam rules look at in one message: its top-level headers, the decoded text of its body parts (each
 * cut to a bounded length), whether it has a plain or an HTML body, and when it was scored.
 *
 * @param texts       the decoded text of the text/plain and text/html parts that are not attachments, in order
 * @param plainBody   whether some text/plain part is not an attachment, whatever its length
 * @param htmlBody    whether some text/html part is not an attachment, whatever its length
 * @param scoredAt    the time the message is scored, for rules about its Date
 */
record MessageFacts(InternetHeaders headers, List<String> texts, boolean plainBody, boolean htmlBody,
        Instant scoredAt) {

    MessageFacts {
        Objects.requireNonNull(headers, "headers");
        texts = List.copyOf(texts);
        Objects.requireNonNull(scoredAt, "scoredAt");
    }

    boolean has(String header) {
        return headers.getHeader(header) != null;
    }

    /** The header's first value, unfolded, with its MIME encoded words as they stand; null when it is absent. */
    String raw(String header) {
        String[] values = headers.getHeader(header);
        return values == null || values.length == 0 ? null : MimeUtility.unfold(values[0]).strip();
    }

    /** The header's first value, unfolded, with its MIME encoded words decoded; null when it is absent. */
    String decoded(String header) {
        String raw = raw(header);
        if (raw == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(raw);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return raw;
        }
    }

    /** The first address of the From header; null when there is none that parses. */
    InternetAddress from() {
        List<InternetAddress> from = addresses("From");
        return from.isEmpty() ? null : from.get(0);
    }

    /** The addresses (with an @) of every instance of the header, parsed leniently; an empty list when none are. */
    List<InternetAddress> addresses(String header) {
        String[] values = headers.getHeader(header);
        List<InternetAddress> addresses = new ArrayList<>();
        if (values == null) {
            return addresses;
        }
        for (String value : values) {
            try {
                for (InternetAddress address : InternetAddress.parseHeader(MimeUtility.unfold(value), false)) {
                    if (address.getAddress() != null && address.getAddress().indexOf('@') > 0) {
                        addresses.add(address);
                    }
                }
            } catch (AddressException | RuntimeException unparsable) {
                // a header that names no address names none
            }
        }
        return addresses;
    }
}
