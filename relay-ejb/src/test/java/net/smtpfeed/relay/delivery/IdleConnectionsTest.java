package net.smtpfeed.relay.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdleConnectionsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private final List<String> closed = new ArrayList<>();
    private final IdleConnections<String, String> idle = new IdleConnections<>(Duration.ofSeconds(2), 2, closed::add);

    @Test
    void theMostRecentlyKeptConnectionOfADestinationIsHandedOutFirst() {
        idle.keep("mx-a", "first", NOW);
        idle.keep("mx-a", "second", NOW.plusMillis(10));

        assertEquals("second", idle.take("mx-a", NOW.plusMillis(20)));
        assertEquals("first", idle.take("mx-a", NOW.plusMillis(20)));
        assertNull(idle.take("mx-a", NOW.plusMillis(20)));
    }

    @Test
    void aConnectionIsNeverHandedOutForAnotherDestination() {
        idle.keep("mx-a", "to-a", NOW);

        assertNull(idle.take("mx-b", NOW));
    }

    @Test
    void aConnectionIdleLongerThanTheLimitIsClosedInsteadOfHandedOut() {
        idle.keep("mx-a", "old", NOW);

        assertNull(idle.take("mx-a", NOW.plusSeconds(3)));
        assertEquals(List.of("old"), closed);
    }

    @Test
    void beyondTheLimitPerDestinationAConnectionIsClosedRatherThanKept() {
        idle.keep("mx-a", "one", NOW);
        idle.keep("mx-a", "two", NOW);
        idle.keep("mx-a", "three", NOW);

        assertEquals(List.of("three"), closed);
    }

    @Test
    void theSweepClosesOnlyTheConnectionsThatOutlivedTheLimit() {
        idle.keep("mx-a", "old", NOW);
        idle.keep("mx-b", "fresh", NOW.plusSeconds(2));

        idle.closeStale(NOW.plusSeconds(3));

        assertEquals(List.of("old"), closed);
        assertEquals("fresh", idle.take("mx-b", NOW.plusSeconds(3)));
    }

    @Test
    void afterCloseAllNothingIsKept() {
        idle.keep("mx-a", "kept", NOW);

        idle.closeAll();
        idle.keep("mx-a", "late", NOW);

        assertEquals(List.of("kept", "late"), closed);
        assertNull(idle.take("mx-a", NOW));
    }
}
