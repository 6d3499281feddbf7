package net.smtpfeed.domain.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The nodes' queue samples over a span of time, in equal buckets: for each, the queue at its largest (the database is
 * shared, so each node saw the same queue) and the mail all nodes together accepted and delivered.
 */
public final class QueueHistory {

    /** One bucket, starting at {@code start}; a bucket no node sampled has only zeros. */
    public record Bucket(Instant start, long queued, long deferred, long accepted, long delivered) {
    }

    private QueueHistory() {
    }

    /** The buckets from {@code from}, each {@code width} long, as many as fit before {@code to}; oldest first. */
    public static List<Bucket> of(List<QueueSample> samples, Instant from, Instant to, Duration width) {
        int count = (int) Math.max(0, Duration.between(from, to).toMillis() / width.toMillis());
        long[][] values = new long[count][4];
        for (QueueSample sample : samples) {
            long offset = Duration.between(from, sample.getSampledAt()).toMillis();
            int index = (int) (offset / width.toMillis());
            if (offset < 0 || index >= count) {
                continue;
            }
            long[] bucket = values[index];
            bucket[0] = Math.max(bucket[0], sample.getQueued());
            bucket[1] = Math.max(bucket[1], sample.getDeferred());
            bucket[2] += sample.getAccepted();
            bucket[3] += sample.getDelivered();
        }
        List<Bucket> buckets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            buckets.add(new Bucket(from.plus(width.multipliedBy(i)), values[i][0], values[i][1], values[i][2], values[i][3]));
        }
        return buckets;
    }
}
