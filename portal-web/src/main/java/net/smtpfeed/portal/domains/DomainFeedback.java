package net.smtpfeed.portal.domains;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import net.smtpfeed.domain.spam.SpamPolicy;
import net.smtpfeed.domain.spam.SpamThresholdBounds;
import net.smtpfeed.domain.spam.SpamThresholdsRefused;

/** What the domain page tells its user after saving, in the portal's language. */
final class DomainFeedback {

    private final ResourceBundle labels;
    private final Locale locale;

    DomainFeedback(ResourceBundle labels, Locale locale) {
        this.labels = labels;
        this.locale = locale;
    }

    String saved(String domain, int changes) {
        return changes == 0 ? format("domain.unchanged", domain) : format("domain.saved", domain, changes);
    }

    /** Why the domain model refused the settings. */
    String refused(SettingsRefused refusal) {
        if (refusal.getRule() instanceof SpamThresholdsRefused thresholds) {
            return thresholds.getReason() == SpamThresholdsRefused.Reason.NOT_RISING
                    ? format("domain.refused.notRising") : bounds("domain.refused.outsideBounds", thresholds.getBounds());
        }
        return format("domain.refused.subjectText", SpamPolicy.MAX_SUBJECT_TEXT_LENGTH);
    }

    /** The range the thresholds may be set in, as the form's hint says it. */
    String bounds(String key, SpamThresholdBounds bounds) {
        return format(key, bounds.min(), bounds.max());
    }

    private String format(String key, Object... arguments) {
        return new MessageFormat(labels.getString(key), locale).format(arguments);
    }
}
