package net.smtpfeed.relay.delivery;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.relay.queue.ClaimedDelivery;
import net.smtpfeed.relay.queue.DeliveryOutcome;
import net.smtpfeed.relay.queue.MessageContentStore;
import net.smtpfeed.relay.queue.QueueLedger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers one queued message: claims its due deliveries, sends each destination's recipients in one SMTP
 * transaction, and records every recipient's outcome. Nothing here holds a database transaction open.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());

    @Inject
    QueueLedger ledger;

    @Inject
    MessageContentStore contents;

    @Inject
    @ConfigProperty(name = "smtpfeed.smtp.hostname", defaultValue = "localhost")
    String heloName;

    @Inject
    @ConfigProperty(name = "smtpfeed.delivery.connect-timeout", defaultValue = "PT30S")
    Duration connectTimeout;

    @Inject
    @ConfigProperty(name = "smtpfeed.delivery.command-timeout", defaultValue = "PT5M")
    Duration commandTimeout;

    @Inject
    @ConfigProperty(name = "smtpfeed.queue.lease", defaultValue = "PT15M")
    Duration lease;

    private SmtpDeliveryClient client;

    @PostConstruct
    void init() {
        client = new SmtpDeliveryClient(heloName, connectTimeout, commandTimeout);
    }

    public void deliver(long messageId) {
        List<ClaimedDelivery> claimed = ledger.claim(messageId, UUID.randomUUID().toString(), Instant.now(), lease);
        if (claimed.isEmpty()) {
            return;
        }
        Path content = contents.copyToTempFile(messageId);
        try {
            byDestination(claimed).forEach((destination, deliveries) -> deliver(destination, deliveries, content));
        } finally {
            deleteQuietly(content);
        }
    }

    private void deliver(Destination destination, List<ClaimedDelivery> deliveries, Path content) {
        ClaimedDelivery first = deliveries.get(0);
        List<String> recipients = deliveries.stream().map(ClaimedDelivery::recipient).toList();
        List<RecipientResult> results = client.send(destination, first.sender(), recipients, content);
        List<DeliveryOutcome> outcomes = new ArrayList<>(deliveries.size());
        for (int i = 0; i < deliveries.size(); i++) {
            RecipientResult result = results.get(i);
            outcomes.add(new DeliveryOutcome(deliveries.get(i).deliveryId(), result.accepted(), result.reply()));
            LOG.info(() -> first.queueId() + ": to=<" + result.recipient() + "> relay=" + destination
                    + " status=" + (result.accepted() ? "sent" : "deferred") + " (" + result.reply() + ")");
        }
        ledger.record(outcomes, destination.toString(), Instant.now());
    }

    private static Map<Destination, List<ClaimedDelivery>> byDestination(List<ClaimedDelivery> claimed) {
        Map<Destination, List<ClaimedDelivery>> groups = new LinkedHashMap<>();
        for (ClaimedDelivery delivery : claimed) {
            groups.computeIfAbsent(delivery.destination(), d -> new ArrayList<>()).add(delivery);
        }
        return groups;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warning(() -> "could not delete " + file + ": " + e);
        }
    }
}
