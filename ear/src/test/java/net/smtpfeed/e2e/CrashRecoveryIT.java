package net.smtpfeed.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.smtpfeed.relay.testing.SmtpConversation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relay node is killed with SIGKILL while mail flows through it, then started again: every message it answered
 * 250 to reaches the customer's server, and the only ones that arrive twice are those whose delivery was under way
 * when the node died (they had reached the server, but the node had not yet recorded it).
 */
class CrashRecoveryIT {

    private static final int SENDERS = 4;
    private static final int MESSAGES_PER_SENDER = 60;
    private static final int DEMO_DESTINATION_PORT = 2626;

    @TempDir
    Path workDir;

    @Test
    void aNodeKilledMidLoadLosesNothingItAccepted() throws Exception {
        // The node runs on its own embedded database with the demo data, whose domains relay to 127.0.0.1:2626;
        // spamcheck.example is the one without greylisting.
        try (CustomerMailServer customerServer = CustomerMailServer.startOn(DEMO_DESTINATION_PORT);
             RelayProcess relay = RelayProcess.prepare(workDir, 400, 3025)) {
            relay.start();
            String domain = "spamcheck.example";

            Set<String> accepted = ConcurrentHashMap.newKeySet();
            AtomicInteger sent = new AtomicInteger();
            ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
            for (int s = 0; s < SENDERS; s++) {
                int sender = s;
                senders.execute(() -> sendUntilRefused(relay, domain, sender, accepted, sent));
            }
            while (accepted.size() < SENDERS * MESSAGES_PER_SENDER / 2) {
                Thread.sleep(20);
            }
            Instant killedAt = Instant.now();
            relay.kill();
            senders.shutdown();
            assertTrue(senders.awaitTermination(60, TimeUnit.SECONDS));
            List<CustomerMailServer.Received> beforeKill = customerServer.received();

            relay.start();
            awaitAll(customerServer, accepted, Duration.ofSeconds(120));

            Set<String> arrivedIds = customerServer.received().stream().map(r -> id(r.data())).collect(Collectors.toSet());
            assertTrue(arrivedIds.containsAll(accepted), "every message that got a 250 arrived; missing: "
                    + accepted.stream().filter(id -> !arrivedIds.contains(id)).toList());
            Map<String, Long> timesById = customerServer.received().stream()
                    .collect(Collectors.groupingBy(r -> id(r.data()), Collectors.counting()));
            Set<String> arrivedBeforeKill = beforeKill.stream().map(r -> id(r.data())).collect(Collectors.toSet());
            List<String> twice = timesById.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
            assertTrue(arrivedBeforeKill.containsAll(twice), "only deliveries under way at the kill may repeat: " + twice);
            assertTrue(timesById.values().stream().allMatch(n -> n <= 2), "nothing arrives more than twice");
            System.out.printf("crash test: %d accepted of %d sent, killed at %s, %d delivered twice (in flight at the kill)%n",
                    accepted.size(), sent.get(), killedAt, twice.size());
        }
    }

    private static void sendUntilRefused(RelayProcess relay, String domain, int sender, Set<String> accepted, AtomicInteger sent) {
        try (SmtpConversation smtp = SmtpConversation.open("127.0.0.1", relay.smtpPort())) {
            smtp.send("EHLO load.elsewhere.example");
            for (int i = 0; i < MESSAGES_PER_SENDER; i++) {
                String id = "crash-" + sender + "-" + i;
                sent.incrementAndGet();
                String reply = smtp.sendMail("load@elsewhere.example", "someone@" + domain,
                        "Subject: crash test\r\nX-Test-Id: " + id + "\r\n\r\nbody of " + id + "\r\n");
                if (reply.startsWith("250 ")) {
                    accepted.add(id);
                }
            }
        } catch (Exception refusedOrCut) {
            // The node died under this sender: what got a 250 is in `accepted`, nothing else was promised.
        }
    }

    private static void awaitAll(CustomerMailServer server, Set<String> ids, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)
                && !server.received().stream().map(r -> id(r.data())).collect(Collectors.toSet()).containsAll(ids)) {
            Thread.sleep(200);
        }
    }

    private static String id(String data) {
        return data.replaceAll("(?s).*X-Test-Id: ([^\r\n]*).*", "$1");
    }
}
