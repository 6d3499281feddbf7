package net.smtpfeed.domain.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a remote SMTP server answered, or the local reason there was no answer (no code then: a refused connection,
 * a timeout). Decides whether a failure is for good (5xx) or worth another try (4xx, or no answer).
 */
public record SmtpReply(int code, String text) {

    public static final int NO_CODE = 0;

    private static final Pattern REPLY = Pattern.compile("^\\s*([2-5]\\d\\d)[ -]?(.*)$", Pattern.DOTALL);
    private static final Pattern ENHANCED = Pattern.compile("^([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");

    public static SmtpReply parse(String reply) {
        String text = reply == null ? "" : reply.strip();
        Matcher m = REPLY.matcher(text);
        return m.matches() ? new SmtpReply(Integer.parseInt(m.group(1)), m.group(2).strip()) : new SmtpReply(NO_CODE, text);
    }

    public boolean isPermanentFailure() {
        return code >= 500;
    }

    /** A 421 or no answer at all: the server, not this recipient, is unavailable. */
    public boolean isServerUnavailable() {
        return code == NO_CODE || code == 421;
    }

    /** The RFC 3463 status for a DSN: the server's own enhanced code where it gave one. */
    public String enhancedStatus() {
        Matcher m = ENHANCED.matcher(text);
        if (m.find()) {
            return m.group(1) + "." + m.group(2) + "." + m.group(3);
        }
        return isPermanentFailure() ? "5.0.0" : "4.0.0";
    }

    @Override
    public String toString() {
        return code == NO_CODE ? text : code + " " + text;
    }
}
