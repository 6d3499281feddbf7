package net.smtpfeed.portal.quarantine;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** What the Quarantine page tells its user after a release, in the portal's language. */
final class QuarantineFeedback {

    private final ResourceBundle labels;
    private final Locale locale;

    QuarantineFeedback(ResourceBundle labels, Locale locale) {
        this.labels = labels;
        this.locale = locale;
    }

    String released(String sender, String recipient) {
        return format("quarantine.released", sender, recipient);
    }

    /** The copy was released by someone else or purged after the page was shown. */
    String gone(String sender, String recipient) {
        return format("quarantine.gone", sender, recipient);
    }

    private String format(String key, Object... arguments) {
        return new MessageFormat(labels.getString(key), locale).format(arguments);
    }
}
