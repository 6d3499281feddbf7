package net.smtpfeed.portal.kb;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A mailto: address for a new mail with a subject and a text (RFC 6068: percent-encoded, a space as %20). */
public final class MailtoLink {

    private MailtoLink() {
    }

    static String of(String subject, String body) {
        return to("", subject, body);
    }

    /** A new mail to the address (an empty one: the writer chooses), with a subject and a text. */
    public static String to(String address, String subject, String body) {
        return "mailto:" + encoded(address).replace("%40", "@") + "?subject=" + encoded(subject) + "&body=" + encoded(body);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
