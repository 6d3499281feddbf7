package net.smtpfeed.domain.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueHistoryTest {

    private static final Instant FROM = Instant.parse("2026-11-28T18:00:00Z");
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    @Test
    void twoNodesSharingOneQueueShowItsSizeOnceAndTheirThroughputTogether() {
        List<QueueSample> samples = List.of(
                new QueueSample("relay-a", FROM.plusSeconds(60), 40, 3, 100, 90),
                new QueueSample("relay-b", FROM.plusSeconds(70), 42, 3, 120, 110));

        QueueHistory.Bucket first = QueueHistory.of(samples, FROM, FROM.plus(Duration.ofHours(1)), TEN_MINUTES).get(0);

        assertEquals(new QueueHistory.Bucket(FROM, 42, 3, 220, 200), first);
    }

    @Test
    void everyBucketOfTheSpanIsThereEvenWithoutSamples() {
        List<QueueHistory.Bucket> buckets = QueueHistory.of(List.of(), FROM, FROM.plus(Duration.ofHours(6)), TEN_MINUTES);

        assertEquals(36, buckets.size());
        assertEquals(new QueueHistory.Bucket(FROM.plus(Duration.ofMinutes(350)), 0, 0, 0, 0), buckets.get(35));
    }

    @Test
    void samplesOutsideTheSpanAreLeftOut() {
        List<QueueSample> samples = List.of(new QueueSample("relay-a", FROM.minusSeconds(1), 5, 5, 5, 5),
                new QueueSample("relay-a", FROM.plus(Duration.ofHours(1)), 7, 7, 7, 7));

        List<QueueHistory.Bucket> buckets = QueueHistory.of(samples, FROM, FROM.plus(Duration.ofHours(1)), TEN_MINUTES);

        assertEquals(0, buckets.stream().mapToLong(QueueHistory.Bucket::accepted).sum());
    }
}
