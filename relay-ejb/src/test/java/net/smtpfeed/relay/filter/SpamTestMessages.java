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
    /** What the built-in engine scores {@link #lowSpam()}: in the Low band of the default thresholds. */
    public static final double LOW_BUILT_IN_SCORE = 3.9;
    /** What the built-in engine scores {@link #medSpam()}: in the Med band of the default thresholds. */
    public static final double MED_BUILT_IN_SCORE = 6.0;

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

    /**
     * A phishing-style notice, otherwise well formed: built-in {@value #LOW_BUILT_IN_SCORE}, the "Low" band of the
     * default thresholds (from 3.0, below 5.0). Rules: FROM_NAME_OTHER_DOMAIN 2.0 (the display name says example.com,
     * the address is at example.net), HTTP_TO_IP 1.2 (a link to http://192.0.2.10/), MIME_HTML_ONLY 0.7 (text/html
     * and nothing else). The band is the built-in engine's: offline spamd with stock rules scored it 0.3 (None), an
     * offline rspamd 3.4 3.7.
     */
    public static String lowSpam() {
        return phishingNotice("Your account needs your attention", "");
    }

    /**
     * The same notice, louder and with answers going elsewhere: built-in {@value #MED_BUILT_IN_SCORE}, the "Med" band
     * (from 5.0, below 10.0). Rules: those of {@link #lowSpam()}, plus SUBJ_ALL_CAPS 0.5 and SUBJ_EXCESS_PLING 0.8
     * (Subject "URGENT: VERIFY YOUR ACCOUNT NOW!!!") and REPLYTO_OTHER_DOMAIN 0.8 (Reply-To at example.org). The band
     * is the built-in engine's: offline spamd with stock rules scored it 0.8 (None), an offline rspamd 3.4 6.25.
     */
    public static String medSpam() {
        return phishingNotice("URGENT: VERIFY YOUR ACCOUNT NOW!!!", "Reply-To: <claims@example.org>\n");
    }

    private static String phishingNotice(String subject, String replyTo) {
        return """
                Date: %s
                Message-ID: <notice.20261128.4713@mailer.example.net>
                From: "Example Bank (example.com)" <alerts@example.net>
                %sTo: Customer <info@customer.example>
                Subject: %s
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8
                Content-Transfer-Encoding: 7bit

                <html><body>
                <p>Dear customer,</p>
                <p>we could not confirm your last payment. Please
                <a href="http://192.0.2.10/login">sign in to your account</a> within 48 hours.</p>
                <p>Example Bank</p>
                </body></html>
                """.formatted(now(), replyTo, subject);
    }
}
