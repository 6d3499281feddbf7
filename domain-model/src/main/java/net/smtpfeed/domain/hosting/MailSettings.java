package net.smtpfeed.domain.hosting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.smtpfeed.domain.spam.SpamLevel;
import net.smtpfeed.domain.spam.SpamPolicy;

/**
 * What a customer sets for a domain of theirs directly in the portal: greylisting, spam checking and the spam policy.
 * The relay reads them at every RCPT TO, so a change is in force for the next message.
 */
public record MailSettings(boolean greylisting, boolean spamChecking, SpamPolicy spamPolicy) {

    public static final String GREYLISTING = "greylisting";
    public static final String SPAM_CHECKING = "spam.checking";

    private static final List<SpamLevel> LEVELS = List.of(SpamLevel.LOW, SpamLevel.MED, SpamLevel.HIGH);

    public MailSettings {
        Objects.requireNonNull(spamPolicy, "spamPolicy");
    }

    /** The audit log's name of a level's threshold: spam.low.threshold, spam.med.threshold, spam.high.threshold. */
    public static String threshold(SpamLevel level) {
        return "spam." + level.label() + ".threshold";
    }

    /** The audit log's name of a level's action: spam.low.action, ... */
    public static String action(SpamLevel level) {
        return "spam." + level.label() + ".action";
    }

    /** The audit log's name of a level's subject text: spam.low.subject, ... */
    public static String subjectText(SpamLevel level) {
        return "spam." + level.label() + ".subject";
    }

    /**
     * Each setting by its name in the audit log, as the log writes its value (on/off, a threshold's points, an action's
     * name, a subject text as it is), in the order a page lists them.
     */
    public Map<String, String> auditValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(GREYLISTING, onOff(greylisting));
        values.put(SPAM_CHECKING, onOff(spamChecking));
        for (SpamLevel level : LEVELS) {
            values.put(threshold(level), String.valueOf(spamPolicy.threshold(level)));
            values.put(action(level), spamPolicy.actionFor(level).name());
            values.put(subjectText(level), spamPolicy.subjectTextFor(level));
        }
        return values;
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
