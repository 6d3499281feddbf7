package net.smtpfeed.relay.filter;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.smtpfeed.domain.mail.Stage;
import net.smtpfeed.relay.smtp.Envelope;
import net.smtpfeed.relay.smtp.Finding;
import net.smtpfeed.relay.smtp.SpooledMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.subethamail.smtp.RejectException;

/**
 * The mandatory virus scan at the end of DATA: ClamAV's clamd when smtpfeed.clamd.address is set, else the built-in
 * scanner. A virus gets 554 and a trace for the recipients' domains; a scanner that gives no verdict gets 451, so
 * that no message is ever accepted unscanned.
 */
@ApplicationScoped
public class VirusInspection {

    private static final Logger LOG = Logger.getLogger(VirusInspection.class.getName());

    @Inject
    @ConfigProperty(name = "smtpfeed.clamd.address")
    Optional<String> clamdAddress;

    @Inject
    @ConfigProperty(name = "smtpfeed.clamd.connect-timeout", defaultValue = "PT5S")
    Duration clamdConnectTimeout;

    @Inject
    @ConfigProperty(name = "smtpfeed.clamd.timeout", defaultValue = "PT60S")
    Duration clamdTimeout;

    @Inject
    @ConfigProperty(name = "smtpfeed.virus.sha256")
    Optional<Set<String>> blockedDigests;

    @Inject
    RefusalLog refusals;

    private VirusScanner scanner;

    @PostConstruct
    void init() {
        scanner = clamdAddress.<VirusScanner>map(address -> ClamdScanner.forAddressSetting(address, clamdConnectTimeout, clamdTimeout))
                .orElseGet(() -> new BuiltInScanner(blockedDigests.orElse(Set.of())));
        LOG.info(() -> "virus scanning with " + scanner.engine() + clamdAddress.map(a -> " at " + a).orElse(""));
    }

    @PreDestroy
    void stop() {
        EngineConnections.close(scanner);
    }

    /** @return the clean verdict, for the message's timeline */
    public Finding scan(Envelope envelope, SpooledMessage message) throws RejectException {
        long started = System.nanoTime();
        ScanVerdict verdict;
        try {
            verdict = scanner.scan(ScannableMessage.of(message));
        } catch (ScannerUnavailable e) {
            LOG.warning(() -> "virus scan failed for a message from " + envelope.clientAddress() + " (" + scanner.engine()
                    + "): " + e.getMessage() + "; not accepted");
            throw new RejectException(451, "4.3.0 virus scanner unavailable, message not accepted, try again later");
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        if (verdict.isInfected()) {
            recordRefusal(envelope, "virus " + verdict.virusName() + " found by " + scanner.engine());
            throw new RejectException(554, "5.7.1 message refused: virus found: " + verdict.virusName());
        }
        return new Finding(Instant.now(), Stage.VIRUS_SCAN, "CLEAN", scanner.engine() + ", " + millis + " ms");
    }

    /** The 554 stands even when its trace cannot be written: the message is refused either way. */
    private void recordRefusal(Envelope envelope, String reason) {
        LOG.info(() -> "refused a message from <" + envelope.sender() + "> client=" + envelope.clientAddress() + ": " + reason);
        try {
            refusals.record(envelope, Stage.VIRUS_SCAN, reason, Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record the refusal of a message from " + envelope.clientAddress(), e);
        }
    }
}
