package net.smtpfeed.relay.smtp;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets only so many sessions store a message at the same time, as Postfix limits its cleanup processes: a burst of
 * large messages then waits its turn at the final dot instead of exhausting the database's memory or connections.
 * A session that cannot get a turn in time is told to try again later (451), never accepted on hope.
 */
final class BoundedQueueIntake implements MessageQueue {

    private final MessageQueue queue;
    private final Semaphore turns;
    private final Duration maximumWait;

    BoundedQueueIntake(MessageQueue queue, int concurrentMessages, Duration maximumWait) {
        this.queue = queue;
        this.turns = new Semaphore(concurrentMessages, true);
        this.maximumWait = maximumWait;
    }

    @Override
    public String enqueue(Envelope envelope, SpooledMessage message, Inspection inspection) {
        try {
            if (!turns.tryAcquire(maximumWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("no turn to store the message within " + maximumWait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to store the message", e);
        }
        try {
            return queue.enqueue(envelope, message, inspection);
        } finally {
            turns.release();
        }
    }
}
