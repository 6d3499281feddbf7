package net.smtpfeed.relay.filter;

import jakarta.mail.internet.InternetAddress;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in spam engine's rules, each a well-known heuristic with points on SpamAssassin's scale. Where
 * SpamAssassin 4.0 has the same rule, the points are close to its score without network tests or Bayes (its score set
 * 0), which is how the built-in engine runs too; where it scores a rule near zero because other rules of its own carry
 * the weight, the points are a little higher, as the built-in engine has no such other rules.
 *
 * <table>
 * <caption>The rules, in the order they are reported</caption>
 * <tr><th>rule</th><th>points</th><th>fires when</th><th>SpamAssassin 4.0 (score set 0)</th></tr>
 * <tr><td>GTUBE</td><td>1000.0</td><td>a text part holds the GTUBE test string</td><td>GTUBE 1000</td></tr>
 * <tr><td>MISSING_DATE</td><td>2.7</td><td>no Date header</td><td>MISSING_DATE 2.739</td></tr>
 * <tr><td>INVALID_DATE</td><td>1.7</td><td>a Date header that is not an RFC 5322 date</td><td>INVALID_DATE 1.701</td></tr>
 * <tr><td>DATE_IN_FUTURE</td><td>2.6</td><td>dated more than 12 hours after it is scored</td>
 *     <td>DATE_IN_FUTURE_12_24 2.603 (and neighbours, 2.4 to 3.4)</td></tr>
 * <tr><td>MISSING_MID</td><td>0.6</td><td>no Message-ID header</td><td>MISSING_MID 0.552</td></tr>
 * <tr><td>INVALID_MSGID</td><td>2.6</td><td>a Message-ID that is not {@code <left@right>}</td>
 *     <td>INVALID_MSGID 2.602</td></tr>
 * <tr><td>MISSING_FROM</td><td>1.0</td><td>no From header with an address</td><td>MISSING_FROM 1.0</td></tr>
 * <tr><td>FROM_NAME_OTHER_DOMAIN</td><td>2.0</td><td>the From display name names a domain (or an address) of
 *     another organisation than the From address: "PayPal.com" &lt;x@evil.example&gt;</td>
 *     <td>no single stock rule (its FROM_*_SPOOF rules are per brand, around 2 to 3)</td></tr>
 * <tr><td>REPLYTO_OTHER_DOMAIN</td><td>0.8</td><td>a Reply-To address at another organisation than From</td>
 *     <td>FREEMAIL_FORGED_REPLYTO 1.199 (the freemail case only)</td></tr>
 * <tr><td>MISSING_TO</td><td>0.9</td><td>no To header</td><td>MISSING_HEADERS 0.915</td></tr>
 * <tr><td>MISSING_SUBJECT</td><td>1.3</td><td>no Subject header</td><td>MISSING_SUBJECT 0.001 (1.3 to 1.8 in its
 *     other score sets)</td></tr>
 * <tr><td>SUBJ_ALL_CAPS</td><td>0.5</td><td>a Subject of two words or more, ten letters or more, none lower case</td>
 *     <td>SUBJ_ALL_CAPS 0.5</td></tr>
 * <tr><td>SUBJ_EXCESS_PLING</td><td>0.8</td><td>three exclamation marks or more in the Subject</td>
 *     <td>PLING_QUERY 0.1 (a "?" and a "!")</td></tr>
 * <tr><td>MIME_HTML_ONLY</td><td>0.7</td><td>an HTML body and no plain text one</td>
 *     <td>MIME_HTML_ONLY 0.1, with many HTML rules beside it</td></tr>
 * <tr><td>HTTP_TO_IP</td><td>1.2</td><td>a link whose host is an IP address: http://192.0.2.1/, http://[2001:db8::1]/,
 *     http://3221225985/</td><td>NUMERIC_HTTP_ADDR 0.0 and NORMAL_HTTP_TO_IP 0.159 (1.242 in score set 3)</td></tr>
 * </table>
 *
 * <p>A personal note (Date, Message-ID, From, To, Subject, plain text) fires none of them. "Another organisation"
 * compares the registrable part of both domains: the last two labels, or three under a country's second level such
 * as co.uk or com.au, so that mail.example.com and example.com agree.
 */
final class BuiltInSpamRules {

    /** Every rule, in the order the engine reports them. */
    static final List<SpamRule> ALL = List.of(
            new Gtube(),
            new MissingDate(),
            new InvalidDate(),
            new DateInFuture(),
            new MissingMessageId(),
            new InvalidMessageId(),
            new MissingFrom(),
            new FromNameOtherDomain(),
            new ReplyToOtherDomain(),
            new MissingTo(),
            new MissingSubject(),
            new SubjectAllCaps(),
            new SubjectExcessPling(),
            new HtmlOnly(),
            new LinkToIpAddress());

    private BuiltInSpamRules() {
    }

    private abstract static class Rule implements SpamRule {
        private final String name;
        private final double points;

        Rule(String name, double points) {
            this.name = name;
            this.points = points;
        }

        @Override
        public final String name() {
            return name;
        }

        @Override
        public final double points() {
            return points;
        }

        @Override
        public String toString() {
            return name + " " + points;
        }
    }

    /** The Generic Test for Unsolicited Bulk Email in a text part: a test message meant to score as spam. */
    static final class Gtube extends Rule {
        Gtube() {
            super("GTUBE", 1000.0);
        }

        @Override
        public boolean matches(MessageFacts message) {
            return message.texts().stream().anyMatch(text -> text.contains(BuiltInSpamEngine.GTUBE));
        }
    }

    static final class MissingDate extends Rule {
        MissingDate() {
            super("MISSING_DATE", 2.7);
        }

        @Override
        public boolean matches(MessageFacts message) {
            return !message.has("Date");
        }
    }

    static final class InvalidDate extends Rule {
        InvalidDate() {
            super("INVALID_DATE", 1.7);
        }

        @Override
        public boolean matches(MessageFacts message) {
            String date = message.raw("Date");
            return date != null && Rfc5322Date.parse(date) == null;
        }
    }

    /** Spam is dated ahead so that it sorts first in a mailbox. */
    static final class DateInFuture extends Rule {
        private static final Duration TOLERANCE = Duration.ofHours(12);

        DateInFuture() {
            super("DATE_IN_FUTURE", 2.6);
        }

        @Override
        public boolean matches(MessageFacts message) {
            String date = message.raw("Date");
            ZonedDateTime parsed = date == null ? null : Rfc5322Date.parse(date);
            return parsed != null && parsed.toInstant().isAfter(message.scoredAt().plus(TOLERANCE));
        }
    }

    static final class MissingMessageId extends Rule {
        MissingMessageId() {
            super("MISSING_MID", 0.6);
        }

        @Override
        public boolean matches(MessageFacts message) {
            return !message.has("Message-ID");
        }
    }

    static final class InvalidMessageId extends Rule {
        private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>@\\s]+@[^<>@\\s]+>(\\s*\\(.*\\))?");

        InvalidMessageId() {
            super("INVALID_MSGID", 2.6);
        }

        @Override
        public boolean matches(MessageFacts message) {
            String id = message.raw("Message-ID");
            return id != null && !MESSAGE_ID.matcher(id).matches();
        }
    }

    static final class MissingFrom extends Rule {
        MissingFrom() {
            super("MISSING_FROM", 1.0);
        }

        @Override
        public boolean matches(MessageFacts message) {
            return message.from() == null;
        }
    }

    /** Impersonation: the name a mail client shows names a brand's domain that the address does not belong to. */
    static final class FromNameOtherDomain extends Rule {
        FromNameOtherDomain() {
            super("FROM_NAME_OTHER_DOMAIN", 2.0);
        }

        @Override
        public boolean matches(MessageFacts message) {
            InternetAddress from = message.from();
            String fromDomain = from == null ? null : Domains.of(from.getAddress());
            if (fromDomain == null || from.getPersonal() == null) {
                return false;
            }
            return Domains.namedIn(from.getPersonal()).stream()
                    .anyMatch(named -> !Domains.sameOrganisation(named, fromDomain));
        }
    }

    /** Answers are to go somewhere else than where the mail claims to come from. */
    static final class ReplyToOtherDomain extends Rule {
        ReplyToOtherDomain() {
            super("REPLYTO_OTHER_DOMAIN", 0.8);
        }

        @Override
        public boolean matches(MessageFacts message) {
            InternetAddress from = message.from();
            String fromDomain = from == null ? null : Domains.of(from.getAddress());
            if (fromDomain == null) {
                return false;
            }
            return message.addresses("Reply-To").stream()
                    .map(replyTo -> Domains.of(replyTo.getAddress()))
                    .anyMatch(domain -> domain != null && !Domains.sameOrganisation(domain, fromDomain));
        }
    }

    static final class MissingTo extends Rule {
        MissingTo() {
            super("MISSING_TO", 0.9);
        }

        @Override
        public boolean matches(MessageFacts message) {
            return !message.has("To");
        }
    }

    static final class MissingSubject extends Rule {
        MissingSubject() {
            super("MISSING_SUBJECT", 1.3);
        }

        @Override
        public boolean matches(MessageFacts message) {
            return !message.has("Subject");
        }
    }

    static final class SubjectAllCaps extends Rule {
        SubjectAllCaps() {
            super("SUBJ_ALL_CAPS", 0.5);
        }

        @Override
        public boolean matches(MessageFacts message) {
            String subject = message.decoded("Subject");
            if (subject == null || subject.strip().split("\\s+").length < 2) {
                return false;
            }
            long letters = subject.codePoints().filter(Character::isLetter).count();
            return letters >= 10 && subject.codePoints().noneMatch(Character::isLowerCase);
        }
    }

    static final class SubjectExcessPling extends Rule {
        SubjectExcessPling() {
            super("SUBJ_EXCESS_PLING", 0.8);
        }

        @Override
        public boolean matches(MessageFacts message) {
            String subject = message.decoded("Subject");
            return subject != null && subject.chars().filter(c -> c == '!').count() >= 3;
        }
    }

    static final class HtmlOnly extends Rule {
        HtmlOnly() {
            super("MIME_HTML_ONLY", 0.7);
        }

        @Override
        public boolean matches(MessageFacts message) {
            return message.htmlBody() && !message.plainBody();
        }
    }

    /** Phishing links to a bare server: a dotted quad, a bracketed IPv6 address, or an address written as a number. */
    static final class LinkToIpAddress extends Rule {
        private static final Pattern LINK_TO_IP = Pattern.compile(
                "(?i)\\b(?:https?|ftp)://(?:[^\\s/?#@\"'<>]*@)?"
                        + "(?:\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9a-f:.]+]|0x[0-9a-f]{1,8}|\\d{8,10})"
                        + "(?=[:/?#\"'<>\\s]|$)");

        LinkToIpAddress() {
            super("HTTP_TO_IP", 1.2);
        }

        @Override
        public boolean matches(MessageFacts message) {
            return message.texts().stream().anyMatch(text -> LINK_TO_IP.matcher(text).find());
        }
    }

    /** Dates as RFC 5322 writes them, with its obsolete zone names and a trailing comment allowed. */
    static final class Rfc5322Date {
        private static final Map<String, String> OBSOLETE_ZONES = Map.ofEntries(
                Map.entry("UT", "+0000"), Map.entry("Z", "+0000"), Map.entry("EST", "-0500"),
                Map.entry("EDT", "-0400"), Map.entry("CST", "-0600"), Map.entry("CDT", "-0500"),
                Map.entry("MST", "-0700"), Map.entry("MDT", "-0600"), Map.entry("PST", "-0800"),
                Map.entry("PDT", "-0700"));
        private static final Pattern COMMENT = Pattern.compile("\\([^()]*\\)");
        private static final Pattern ZONE_NAME = Pattern.compile(" ([A-Za-z]{1,3})$");

        private Rfc5322Date() {
        }

        /** @return the date, or null when the value is not one */
        static ZonedDateTime parse(String value) {
            String date = COMMENT.matcher(value).replaceAll(" ").strip().replaceAll("\\s+", " ");
            Matcher zone = ZONE_NAME.matcher(date);
            if (zone.find()) {
                String offset = OBSOLETE_ZONES.get(zone.group(1).toUpperCase(Locale.ROOT));
                if (offset != null) {
                    date = date.substring(0, zone.start()) + " " + offset;
                }
            }
            try {
                ZonedDateTime parsed = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME);
                return parsed.getYear() < 1900 ? null : parsed; // "26" is read as the year 26, not as 2026
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /** Domains named in headers, and whether two of them belong to one organisation. */
    static final class Domains {
        private static final Pattern DOMAIN = Pattern.compile(
                "(?i)(?<![a-z0-9.-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+([a-z]{2,24}))(?![a-z0-9-])");
        /** Top-level domains that a display name's "first.last" is unlikely to end in; two letters are countries. */
        private static final Set<String> GENERIC_TLDS = Set.of("com", "net", "org", "info", "biz", "edu", "gov",
                "mil", "int", "app", "online", "site", "shop", "store", "xyz", "top", "club", "email", "bank",
                "support", "services", "company");
        /** Second-level labels under which countries register organisations: example.co.uk, example.com.au. */
        private static final Set<String> COUNTRY_SECOND_LEVELS = Set.of("co", "com", "net", "org", "gov", "edu",
                "ac", "or", "ne", "go", "gv");

        private Domains() {
        }

        /** The domain of an address, lower case; null when it has none. */
        static String of(String address) {
            int at = address == null ? -1 : address.lastIndexOf('@');
            String domain = at < 0 ? "" : address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
            return domain.isEmpty() ? null : domain;
        }

        /** The domains a display name names, alone or in an address: "PayPal.com", "service@paypal.com". */
        static List<String> namedIn(String displayName) {
            Matcher domain = DOMAIN.matcher(displayName);
            List<String> named = new ArrayList<>();
            while (domain.find()) {
                String tld = domain.group(2).toLowerCase(Locale.ROOT);
                if (tld.length() == 2 || GENERIC_TLDS.contains(tld)) {
                    named.add(domain.group(1).toLowerCase(Locale.ROOT));
                }
            }
            return named;
        }

        static boolean sameOrganisation(String one, String other) {
            return registrable(one).equals(registrable(other));
        }

        static String registrable(String domain) {
            String[] labels = domain.toLowerCase(Locale.ROOT).split("\\.");
            int n = labels.length;
            if (n <= 2) {
                return String.join(".", labels);
            }
            int keep = labels[n - 1].length() == 2 && COUNTRY_SECOND_LEVELS.contains(labels[n - 2]) ? 3 : 2;
            return String.join(".", Arrays.copyOfRange(labels, n - keep, n));
        }
    }
}
