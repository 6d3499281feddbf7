package net.smtpfeed.domain.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueueIdTest {

    @Test
    void idsOfOneMillisecondAreStillDistinct() {
        Instant now = Instant.now();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(QueueId.next(now));
        }
        assertEquals(10_000, ids.size());
    }

    @Test
    void laterIdsSortAfterEarlierOnes() {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        assertTrue(QueueId.next(now).compareTo(QueueId.next(now.plusMillis(1))) < 0);
    }

    @Test
    void anIdIsUpperCaseLettersAndDigitsOnly() {
        assertTrue(QueueId.next(Instant.now()).matches("[0-9A-Z]{16}"));
    }
}
