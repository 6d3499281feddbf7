package net.smtpfeed.relay.filter;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import net.smtpfeed.domain.mail.Stage;
import net.smtpfeed.domain.spam.SpamScore;
import net.smtpfeed.relay.smtp.Envelope;
import net.smtpfeed.relay.smtp.Finding;
import net.smtpfeed.relay.smtp.Inspection;
import net.smtpfeed.relay.smtp.SpooledMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Scores a message for spam when at least one recipient's domain checks spam, with the engine smtpfeed.spam.engine
 * names. Spam checking is a service level, not a guarantee: a message the engine cannot score, or one larger than
 * smtpfeed.spam.max-size (which engines skip too), goes on unscored, with a line in its timeline that says why.
 */
@ApplicationScoped
public class SpamInspection {

    private static final Logger LOG = Logger.getLogger(SpamInspection.class.getName());

    @Inject
    @ConfigProperty(name = "smtpfeed.spam.engine", defaultValue = "built-in")
    String engineName;

    @Inject
    @ConfigProperty(name = "smtpfeed.spamd.address", defaultValue = "127.0.0.1:783")
    String spamdAddress;

    @Inject
    @ConfigProperty(name = "smtpfeed.rspamd.url", defaultValue = "http://127.0.0.1:11333")
    String rspamdUrl;

    @Inject
    @ConfigProperty(name = "smtpfeed.spam.connect-timeout", defaultValue = "PT5S")
    Duration connectTimeout;

    @Inject
    @ConfigProperty(name = "smtpfeed.spam.timeout", defaultValue = "PT30S")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "smtpfeed.spam.max-size", defaultValue = "512000")
    long maxBytes;

    private SpamEngine engine;

    SpamInspection() {
    }

    SpamInspection(SpamEngine engine, long maxBytes) {
        this.engine = engine;
        this.maxBytes = maxBytes;
    }

    @PostConstruct
    void init() {
        engine = switch (engineName.strip().toLowerCase(Locale.ROOT)) {
            case "built-in" -> new BuiltInSpamEngine();
            case "spamd" -> SpamdEngine.forAddressSetting(spamdAddress, connectTimeout, timeout);
            case "rspamd" -> RspamdEngine.forUrlSetting(rspamdUrl, connectTimeout, timeout);
            default -> throw new IllegalArgumentException("smtpfeed.spam.engine must be built-in, spamd or rspamd, not '"
                    + engineName + "'");
        };
        LOG.info(() -> "spam checking with " + engine.engine() + " for the domains that want it");
    }

    @PreDestroy
    void stop() {
        EngineConnections.close(engine);
    }

    public Inspection inspect(Envelope envelope, SpooledMessage message) {
        if (!envelope.wantsSpamScore()) {
            return Inspection.of(List.of());
        }
        if (message.size() > maxBytes) {
            return unscored("SKIPPED", "larger than " + maxBytes + " bytes, not scored; delivered untagged");
        }
        long started = System.nanoTime();
        SpamScore score;
        try {
            score = engine.score(ScannableMessage.of(message), envelope);
        } catch (SpamEngineUnavailable e) {
            LOG.warning(() -> "spam check failed for a message from " + envelope.clientAddress() + " (" + engine.engine()
                    + "): " + e.getMessage() + "; delivered untagged");
            return unscored("UNAVAILABLE", engine.engine() + ": " + e.getMessage() + "; delivered untagged");
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        String detail = String.format(Locale.ROOT, "%.1f points by %s in %d ms%s", score.points(), engine.engine(), millis,
                score.rules().isEmpty() ? "" : ": " + String.join(", ", score.rules()));
        return new Inspection(List.of(new Finding(Instant.now(), Stage.SPAM_CHECK, "SCORED", detail)), Optional.of(score));
    }

    private static Inspection unscored(String outcome, String detail) {
        return Inspection.of(List.of(new Finding(Instant.now(), Stage.SPAM_CHECK, outcome, detail)));
    }
}
