package net.smtpfeed.relay.startup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import net.smtpfeed.domain.net.Cidr;
import net.smtpfeed.domain.net.IpAddresses;

/**
 * What each configuration key of the relay must hold, checked all at once before anything starts. Each problem is
 * one line naming the key, the value it has and what is expected, so that a wrong value stops the start with a
 * sentence an operator can act on rather than a stack trace from deep inside the first bean to read it.
 */
public final class ConfigurationRules {

    static final List<String> POSITIVE_DURATIONS = List.of("smtpfeed.smtp.idle-timeout",
            "smtpfeed.delivery.connect-timeout", "smtpfeed.delivery.helo-timeout", "smtpfeed.delivery.mail-timeout",
            "smtpfeed.delivery.data-init-timeout", "smtpfeed.delivery.data-transfer-timeout",
            "smtpfeed.delivery.data-done-timeout", "smtpfeed.delivery.connection-reuse", "smtpfeed.queue.poll-interval",
            "smtpfeed.queue.retry-first", "smtpfeed.queue.retry-max", "smtpfeed.queue.lease", "smtpfeed.queue.intake-wait",
            "smtpfeed.bounce.lifetime", "smtpfeed.clamd.connect-timeout", "smtpfeed.clamd.timeout",
            "smtpfeed.greylist.retry-window", "smtpfeed.greylist.max-age", "smtpfeed.spam.connect-timeout",
            "smtpfeed.spam.timeout", "smtpfeed.spam.quarantine", "smtpfeed.probe.timeout",
            "smtpfeed.health.max-delivery-delay", "smtpfeed.node.heartbeat", "smtpfeed.node.sample-interval",
            "smtpfeed.pop3.idle-timeout", "smtpfeed.pop3.login-failure-window");
    /** A greylist delay of zero turns greylisting into a formality, but is a valid choice. */
    static final List<String> DURATIONS = List.of("smtpfeed.greylist.delay", "smtpfeed.pop3.login-failure-delay");
    static final List<String> POSITIVE_NUMBERS = List.of("smtpfeed.smtp.max-message-size", "smtpfeed.smtp.max-connections",
            "smtpfeed.smtp.max-connections-per-client", "smtpfeed.smtp.max-recipients", "smtpfeed.smtp.max-errors",
            "smtpfeed.smtp.max-hops", "smtpfeed.delivery.concurrency", "smtpfeed.queue.concurrent-intake",
            "smtpfeed.greylist.auto-whitelist-after", "smtpfeed.spam.max-size", "smtpfeed.pop3.max-connections",
            "smtpfeed.pop3.max-connections-per-client", "smtpfeed.pop3.max-login-failures",
            "smtpfeed.pop3.max-login-failures-per-mailbox");
    static final List<String> HOST_PORTS = List.of("smtpfeed.clamd.address", "smtpfeed.spamd.address",
            "smtpfeed.bounce.relay");
    static final List<String> IP_ADDRESS_LISTS = List.of("smtpfeed.relay.own-addresses",
            "smtpfeed.relay.outbound-addresses");
    static final List<String> BOOLEANS = List.of("smtpfeed.demo", "smtpfeed.portal.allow-private-destinations");
    static final Set<String> SPAM_ENGINES = Set.of("built-in", "spamd", "rspamd");
    static final Set<String> PLAINTEXT_LOGINS = Set.of("NEVER", "LOOPBACK", "ALWAYS");

    private final Function<String, Optional<String>> config;
    private final List<String> problems = new ArrayList<>();

    private ConfigurationRules(Function<String, Optional<String>> config) {
        this.config = config;
    }

    /**
     * The problems of the configuration, one line each; none when it is fit to start with.
     *
     * @param config a key's value, empty when it is not set (its default then applies, and defaults are valid)
     */
    public static List<String> problems(Function<String, Optional<String>> config) {
        ConfigurationRules rules = new ConfigurationRules(config);
        rules.check();
        return List.copyOf(rules.problems);
    }

    private void check() {
        each(List.of("smtpfeed.smtp.port"), ConfigurationRules::port);
        each(List.of("smtpfeed.pop3.port"), value -> value.strip().equals("0") ? null : port(value));
        each(POSITIVE_DURATIONS, value -> duration(value, false));
        each(DURATIONS, value -> duration(value, true));
        each(POSITIVE_NUMBERS, ConfigurationRules::positiveNumber);
        each(HOST_PORTS, ConfigurationRules::hostAndPort);
        each(IP_ADDRESS_LISTS, ConfigurationRules::ipAddresses);
        each(List.of("smtpfeed.greylist.whitelist-networks"), ConfigurationRules::cidrs);
        each(BOOLEANS, value -> value.equals("true") || value.equals("false") ? null : "expected true or false");
        each(List.of("smtpfeed.spam.engine"), value -> SPAM_ENGINES.contains(value.strip())
                ? null : "expected one of built-in, spamd, rspamd");
        each(List.of("smtpfeed.pop3.plaintext-login"), value -> PLAINTEXT_LOGINS.contains(value.strip())
                ? null : "expected one of NEVER, LOOPBACK, ALWAYS");
        each(List.of("smtpfeed.rspamd.url"), value -> value.matches("https?://[^/:]+(:\\d{1,5})?/?.*")
                ? null : "expected an http:// URL such as http://127.0.0.1:11333");
        config.apply("smtpfeed.smtp.tls.keystore").ifPresent(file -> {
            if (!Files.isReadable(Path.of(file))) {
                problems.add(line("smtpfeed.smtp.tls.keystore", file, "expected a readable PKCS12 file"));
            } else if (config.apply("smtpfeed.smtp.tls.keystore-password").isEmpty()) {
                problems.add("smtpfeed.smtp.tls.keystore-password is missing: expected the password of "
                        + file + " (smtpfeed.smtp.tls.keystore)");
            }
        });
    }

    /** Applies a rule (which returns what is expected, or null when the value is fine) to each key that is set. */
    private void each(List<String> keys, Function<String, String> rule) {
        for (String key : keys) {
            config.apply(key).ifPresent(value -> {
                String expected = rule.apply(value);
                if (expected != null) {
                    problems.add(line(key, value, expected));
                }
            });
        }
    }

    static String line(String key, String value, String expected) {
        return key + " = '" + value + "': " + expected;
    }

    private static String port(String value) {
        try {
            int port = Integer.parseInt(value.strip());
            return port >= 1 && port <= 65535 ? null : "expected a port number from 1 to 65535";
        } catch (NumberFormatException e) {
            return "expected a port number from 1 to 65535";
        }
    }

    private static String duration(String value, boolean zeroAllowed) {
        String expected = "expected an ISO-8601 duration" + (zeroAllowed ? "" : " longer than zero")
                + ", such as PT30S or PT5M";
        try {
            Duration duration = Duration.parse(value.strip());
            return duration.isNegative() || (!zeroAllowed && duration.isZero()) ? expected : null;
        } catch (DateTimeParseException e) {
            return expected;
        }
    }

    private static String positiveNumber(String value) {
        try {
            return Long.parseLong(value.strip()) > 0 ? null : "expected a whole number greater than zero";
        } catch (NumberFormatException e) {
            return "expected a whole number greater than zero";
        }
    }

    private static String hostAndPort(String value) {
        String text = value.strip();
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? "" : text.substring(0, colon);
        String port = colon < 0 ? "" : text.substring(colon + 1);
        boolean plausibleHost = !host.isEmpty() && (!host.contains(":") || (host.startsWith("[") && host.endsWith("]")));
        return plausibleHost && port.matches("\\d{1,5}") && Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65535
                ? null : "expected host:port, such as 127.0.0.1:3310";
    }

    private static String ipAddresses(String value) {
        for (String address : value.split(",")) {
            try {
                IpAddresses.parse(address.strip());
            } catch (IllegalArgumentException e) {
                return "expected comma-separated IP addresses; '" + address.strip() + "' is not one";
            }
        }
        return null;
    }

    private static String cidrs(String value) {
        return Arrays.stream(value.split(",")).map(cidr -> {
            try {
                Cidr.parse(cidr);
                return null;
            } catch (IllegalArgumentException e) {
                return "expected comma-separated networks such as 192.0.2.0/24; " + e.getMessage();
            }
        }).filter(problem -> problem != null).findFirst().orElse(null);
    }
}
