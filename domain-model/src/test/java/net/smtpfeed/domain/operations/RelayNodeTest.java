package net.smtpfeed.domain.operations;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RelayNodeTest {

    private static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private static final Instant START = Instant.parse("2026-11-28T20:00:00Z");

    @Test
    void aNodeSeenWithinThreeHeartbeatsIsAlive() {
        RelayNode node = new RelayNode("relay-a", "1.0", START);
        node.seen(START.plusSeconds(10));

        assertTrue(node.isAlive(START.plusSeconds(40), HEARTBEAT));
    }

    @Test
    void aNodeThatMissedThreeHeartbeatsIsNotAnswering() {
        RelayNode node = new RelayNode("relay-a", "1.0", START);

        assertFalse(node.isAlive(START.plusSeconds(31), HEARTBEAT));
    }
}
