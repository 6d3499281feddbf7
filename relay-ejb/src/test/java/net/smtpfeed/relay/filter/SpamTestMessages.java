package net.smtpfeed.relay.filter;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Raw messages (lines end in \n; {@link TestMessages#scannable(String)} sends them with CRLF) whose spam scores the
 * tests rely on. Each is dated now, so that no engine takes it for mail from the past or the future. What the
 * built-in engine makes of each, rule by rule, is written beside it, and {@code BuiltInSpamEngineTest} holds it to that.
 */
public final class SpamTestMessages {

    /**
     * The Generic Test for Unsolicited Bulk Email, written out here rather than taken from an engine, so that a typo
     * in an engine's copy shows.
     */
    public static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";

    private static final DateTimeFormatter RFC_5322 =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

    private SpamTestMessages() {
    }

    /** The Date header's value for a message written now. */
    public static String now() {
        return RFC_5322.format(ZonedDateTime.now(ZoneOffset.UTC));
    }

    /**
     * A short note from one person to another, as a mail client writes it: Date, Message-ID, From and To with display
     * names, Subject, plain text. Built-in: no rule fires, 0.0. spamd (offline, stock rules): well below 3.
     */
    public static String personalNote() {
        return """
                Date: %s
                Message-ID: <lunch.20261128.4711@mail.example.org>
                From: Anna Berg <anna@example.org>
                To: Customer <info@customer.example>
                Subject: Lunch on Thursday
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: 7bit

                Hi,

                are we still on for lunch on Thursday? The Italian place around the corner
                opens at noon; I could be there at half past twelve.

                See you,
                Anna
                """.formatted(now());
    }

    /** The personal note's headers around the GTUBE test string: every engine scores it 1000 or at least High. */
    public static String gtube() {
        return """
                Date: %s
                Message-ID: <gtube.20261128.4712@mail.example.org>
                From: Anna Berg <anna@example.org>
                To: Customer <info@customer.example>
                Subject: Test spam mail (GTUBE)
                MIME-Version: 1.0
                Content-Type: text/plain; charset=US-ASCII
                Content-Transfer-Encoding: 7bit

                This is the GTUBE, the Generic Test for Unsolicited Bulk Email:

                %s

                """.formatted(now(), GTUBE);
    }
}
