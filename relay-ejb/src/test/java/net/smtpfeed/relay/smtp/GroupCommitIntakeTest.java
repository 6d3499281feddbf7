package net.smtpfeed.relay.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class GroupCommitIntakeTest {

    private static final Envelope ENVELOPE = new Envelope("a@b.example", List.of(), "127.0.0.1", "b.example");

    private final List<Integer> transactionSizes = new CopyOnWriteArrayList<>();
    private final MessageBatchQueue queue = arrivals -> {
        transactionSizes.add(arrivals.size());
        return arrivals.stream().map(a -> "id-" + a.message().size()).toList();
    };

    @Test
    void concurrentSessionsShareATransactionAndEachGetsTheQueueIdOfItsOwnMessage() throws Exception {
        CountDownLatch allWaiting = new CountDownLatch(1);
        MessageBatchQueue slowFirst = arrivals -> {
            if (transactionSizes.isEmpty()) {
                await(allWaiting);
            }
            return queue.enqueueAll(arrivals);
        };
        ExecutorService sessions = Executors.newFixedThreadPool(4);
        try (GroupCommitIntake intake = new GroupCommitIntake(slowFirst, 16, Thread::new)) {
            List<Future<String>> ids = new ArrayList<>();
            for (int size = 1000; size < 1004; size++) {
                int bytes = size;
                ids.add(sessions.submit(() -> {
                    try (SpooledMessage message = message(bytes)) {
                        return intake.enqueue(ENVELOPE, message, Inspection.of(List.of()));
                    }
                }));
            }
            Thread.sleep(300);
            allWaiting.countDown();
            for (int i = 0; i < ids.size(); i++) {
                assertEquals("id-" + (1000 + i), ids.get(i).get(10, TimeUnit.SECONDS));
            }
        } finally {
            sessions.shutdownNow();
        }
        assertEquals(4, transactionSizes.stream().mapToInt(Integer::intValue).sum());
        assertTrue(transactionSizes.size() <= 2, "those that waited shared a transaction: " + transactionSizes);
    }

    @Test
    void aMessageLargerThanAMegabyteHasATransactionOfItsOwnOnTheSessionsThread() throws IOException {
        List<String> threads = new CopyOnWriteArrayList<>();
        MessageBatchQueue watched = arrivals -> {
            threads.add(Thread.currentThread().getName());
            return queue.enqueueAll(arrivals);
        };
        try (GroupCommitIntake intake = new GroupCommitIntake(watched, 16, Thread::new);
             SpooledMessage large = message((int) GroupCommitIntake.LARGEST_SHARED + 1)) {
            intake.enqueue(ENVELOPE, large, Inspection.of(List.of()));
        }
        assertEquals(List.of(Thread.currentThread().getName()), threads);
        assertEquals(List.of(1), transactionSizes);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SpooledMessage message(int bytes) throws IOException {
        return SpooledMessage.spool(new ByteArrayInputStream(new byte[bytes]), new byte[0], 10L * bytes);
    }
}
