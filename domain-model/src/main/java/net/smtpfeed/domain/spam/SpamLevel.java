package net.smtpfeed.domain.spam;

import java.util.Locale;

/** How spammy a message is for one domain, by that domain's thresholds. */
public enum SpamLevel {
    NONE,
    LOW,
    MED,
    HIGH;

    /** As the X-Spam-Level header and the portal show it: low, med, high. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
