package net.smtpfeed.relay.smtp;

import java.util.List;
import java.util.concurrent.ThreadFactory;
import net.smtpfeed.relay.queue.GroupCommit;

/**
 * Queues the messages of concurrent sessions in shared transactions (see {@link GroupCommit}): each session still
 * gets its 250 only once its own message is committed. A message larger than {@value #LARGEST_SHARED} bytes has a
 * transaction of its own, so that a burst of large messages never makes one transaction of hundreds of megabytes.
 */
final class GroupCommitIntake implements MessageQueue, AutoCloseable {

    static final long LARGEST_SHARED = 1024 * 1024;

    private final MessageBatchQueue queue;
    private final GroupCommit<Arrival, String> commits;

    GroupCommitIntake(MessageBatchQueue queue, int maxBatch, ThreadFactory threads) {
        this.queue = queue;
        commits = new GroupCommit<>("smtpfeed-intake-commit", queue::enqueueAll, maxBatch, threads);
    }

    @Override
    public String enqueue(Envelope envelope, SpooledMessage message, Inspection inspection) {
        Arrival arrival = new Arrival(envelope, message, inspection);
        return message.size() > LARGEST_SHARED ? queue.enqueueAll(List.of(arrival)).get(0) : commits.submit(arrival);
    }

    @Override
    public void close() {
        commits.close();
    }
}
