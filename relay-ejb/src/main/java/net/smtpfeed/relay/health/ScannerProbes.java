package net.smtpfeed.relay.health;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Pings the scanners named in the configuration: clamd when set, and the spam engine when it is spamd or rspamd. */
@Stateless
@LocalBean // the readiness check asks for clamd alone, which is not part of the ScannerHealth view
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScannerProbes implements ScannerHealth {

    @Inject
    @ConfigProperty(name = "smtpfeed.clamd.address")
    Optional<String> clamdAddress;

    @Inject
    @ConfigProperty(name = "smtpfeed.clamd.connect-timeout", defaultValue = "PT5S")
    Duration clamdTimeout;

    @Inject
    @ConfigProperty(name = "smtpfeed.spam.engine", defaultValue = "built-in")
    String spamEngine;

    @Inject
    @ConfigProperty(name = "smtpfeed.spamd.address", defaultValue = "127.0.0.1:783")
    String spamdAddress;

    @Inject
    @ConfigProperty(name = "smtpfeed.rspamd.url", defaultValue = "http://127.0.0.1:11333")
    String rspamdUrl;

    @Inject
    @ConfigProperty(name = "smtpfeed.spam.connect-timeout", defaultValue = "PT5S")
    Duration spamTimeout;

    @Override
    public List<Scanner> check() {
        List<Scanner> scanners = new ArrayList<>();
        scanners.add(clamd().orElse(new Scanner("virus", "built-in", "", true, "")));
        scanners.add(switch (spamEngine.strip().toLowerCase(Locale.ROOT)) {
            case "spamd" -> scanner("spam", "spamd", spamdAddress, ScannerPing.spamd(spamdAddress, spamTimeout));
            case "rspamd" -> scanner("spam", "rspamd", rspamdUrl, ScannerPing.rspamd(rspamdUrl, spamTimeout));
            default -> new Scanner("spam", "built-in", "", true, "");
        });
        return scanners;
    }

    /** clamd, when one is configured. */
    public Optional<Scanner> clamd() {
        return clamdAddress.filter(a -> !a.isBlank())
                .map(address -> scanner("virus", "clamd", address, ScannerPing.clamd(address, clamdTimeout)));
    }

    private static Scanner scanner(String role, String engine, String address, Optional<String> problem) {
        return new Scanner(role, engine, address, problem.isEmpty(), problem.orElse(""));
    }
}
