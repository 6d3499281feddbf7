package net.smtpfeed.relay.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs what concurrent callers hand in as batches on one thread of its own, one transaction per batch: whatever
 * arrived while a batch ran goes into the next. Each caller waits for the batch that holds its item and gets its own
 * result. A transaction's fixed cost (the container's layers, the commit and on MySQL its log flush) is then paid once
 * for all the messages that reach their final dot together, as a database's group commit does, instead of once each;
 * that cost was about 12 % of the relay's CPU under load. When a batch fails, each of its callers runs its own item
 * alone (see {@link RunAlone}).
 *
 * @param <I> what a caller hands in
 * @param <R> what it gets back
 */
public final class GroupCommit<I, R> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

    private final Function<List<I>, List<R>> batch;
    private final int maxBatch;
    private final BlockingQueue<Waiting<I, R>> waiting = new LinkedBlockingQueue<>();
    private final Thread committer;
    private volatile boolean closed;

    /**
     * @param batch    runs a batch in one transaction and returns one result per item, in order
     * @param maxBatch the most items in one batch
     */
    public GroupCommit(String name, Function<List<I>, List<R>> batch, int maxBatch, ThreadFactory threads) {
        this.batch = batch;
        this.maxBatch = maxBatch;
        committer = threads.newThread(this::commitBatches);
        committer.setName(name);
        committer.start();
    }

    /** Runs the item in the next batch and returns its result; throws what its batch (or its own run) threw. */
    public R submit(I item) {
        Waiting<I, R> mine = new Waiting<>(item);
        if (closed) {
            throw new IllegalStateException("shutting down");
        }
        waiting.add(mine);
        if (closed) {
            mine.result.completeExceptionally(new IllegalStateException("shutting down"));
        }
        try {
            return mine.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the batch to commit", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RunAlone) {
                return batch.apply(List.of(item)).get(0);
            }
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }

    private void commitBatches() {
        List<Waiting<I, R>> next = new ArrayList<>(maxBatch);
        while (!closed) {
            try {
                Waiting<I, R> first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                next.add(first);
            } catch (InterruptedException e) {
                break;
            }
            waiting.drainTo(next, maxBatch - 1);
            run(next);
            next.clear();
        }
        closed = true; // also when the container interrupted this thread: no caller may wait for it any more
        waiting.drainTo(next);
        next.forEach(w -> w.result.completeExceptionally(new IllegalStateException("shutting down")));
    }

    private void run(List<Waiting<I, R>> items) {
        try {
            List<R> results = batch.apply(items.stream().map(Waiting::item).toList());
            for (int i = 0; i < items.size(); i++) {
                items.get(i).result.complete(results.get(i));
            }
        } catch (RuntimeException | Error e) {
            if (items.size() == 1) {
                items.get(0).result.completeExceptionally(e);
                return;
            }
            LOG.log(Level.FINE, "a batch of " + items.size() + " failed; its callers run their items alone", e);
            items.forEach(item -> item.result.completeExceptionally(new RunAlone()));
        }
    }

    /**
     * Tells a caller that its item's batch failed and that it runs the item alone, on its own thread: one bad item then
     * fails only its caller, and while the database hangs, each caller waits out only its own attempt, in parallel
     * with the others, as it would without batches, instead of every attempt of the batch one after the other.
     */
    private static final class RunAlone extends RuntimeException {
        RunAlone() {
            super(null, null, false, false);
        }
    }

    /**
     * Lets the batch under way finish, then fails the items still waiting, so that their callers answer at once
     * instead of hanging.
     */
    @Override
    public void close() {
        closed = true;
        try {
            committer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Waiting<I, R>(I item, CompletableFuture<R> result) {
        Waiting(I item) {
            this(item, new CompletableFuture<>());
        }
    }
}
