package net.smtpfeed.portal.webmail;

import java.util.Locale;

/** Sizes of messages and attachments as a person reads them. */
public final class Sizes {

    private Sizes() {
    }

    public static String readable(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
