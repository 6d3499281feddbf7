package net.smtpfeed.portal.faces;

import java.util.Optional;

/**
 * The id in a page's query string. Parsed here rather than by a Faces converter on the view parameter: a failed
 * conversion skips the view action, so "?id=abc" would render an empty page instead of answering 404.
 */
public final class RequestedId {

    private RequestedId() {
    }

    public static Optional<Long> parse(String raw) {
        if (raw == null || !raw.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(raw));
    }
}
