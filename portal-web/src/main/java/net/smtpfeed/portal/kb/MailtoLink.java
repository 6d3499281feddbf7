package net.smtpfeed.portal.kb;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A mailto: address for a new mail with a subject and a text (RFC 6068: percent-encoded, a space as %20). */
final class MailtoLink {

    private MailtoLink() {
    }

    static String of(String subject, String body) {
        return "mailto:?subject=" + encoded(subject) + "&body=" + encoded(body);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
