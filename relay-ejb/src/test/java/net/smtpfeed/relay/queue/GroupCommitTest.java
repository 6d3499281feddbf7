package net.smtpfeed.relay.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private GroupCommit<Integer, String> commit;

    @AfterEach
    void stop() {
        commit.close();
        callers.shutdownNow();
    }

    @Test
    void whatArrivesWhileABatchRunsGoesIntoTheNextAndEachCallerGetsItsOwnResult() throws Exception {
        CountDownLatch firstBatchRunning = new CountDownLatch(1);
        CountDownLatch othersWaiting = new CountDownLatch(1);
        commit = new GroupCommit<>("test", items -> {
            if (batches.isEmpty()) {
                firstBatchRunning.countDown();
                await(othersWaiting);
            }
            return recorded(items);
        }, 100, Thread::new);
        Future<String> first = callers.submit(() -> commit.submit(0));
        assertTrue(firstBatchRunning.await(10, TimeUnit.SECONDS));
        List<Future<String>> others = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int item = i;
            others.add(callers.submit(() -> commit.submit(item)));
        }
        Thread.sleep(200);
        othersWaiting.countDown();

        assertEquals("item 0", first.get(10, TimeUnit.SECONDS));
        for (int i = 1; i <= 5; i++) {
            assertEquals("item " + i, others.get(i - 1).get(10, TimeUnit.SECONDS));
        }
        assertEquals(2, batches.size(), "one batch for the first, one for all that waited: " + batches);
    }

    @Test
    void aBatchHoldsAtMostTheMaximum() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        commit = new GroupCommit<>("test", items -> {
            await(release);
            return recorded(items);
        }, 2, Thread::new);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            int item = i;
            results.add(callers.submit(() -> commit.submit(item)));
        }
        Thread.sleep(200);
        release.countDown();
        for (Future<String> result : results) {
            result.get(10, TimeUnit.SECONDS);
        }
        assertTrue(batches.stream().allMatch(b -> b.size() <= 2), batches.toString());
        assertEquals(7, batches.stream().mapToInt(List::size).sum());
    }

    @Test
    void aFailedBatchIsRunAgainItemByItemEachOnItsCallersThreadSoThatOnlyTheBadItemFails() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Map<Integer, String> threadOfSingleRun = new ConcurrentHashMap<>();
        commit = new GroupCommit<>("test", items -> {
            await(release);
            if (items.size() == 1) {
                threadOfSingleRun.put(items.get(0), Thread.currentThread().getName());
            }
            if (items.contains(13)) {
                throw new IllegalArgumentException("unlucky");
            }
            return recorded(items);
        }, 100, Thread::new);
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (int item : List.of(12, 13, 14)) {
            results.add(CompletableFuture.supplyAsync(() -> commit.submit(item), callers));
        }
        Thread.sleep(200);
        release.countDown();

        assertEquals("item 12", results.get(0).get(10, TimeUnit.SECONDS));
        Exception failure = assertThrows(Exception.class, () -> results.get(1).get(10, TimeUnit.SECONDS));
        assertEquals("unlucky", failure.getCause().getMessage());
        assertEquals("item 14", results.get(2).get(10, TimeUnit.SECONDS));
        assertNotEquals("test", threadOfSingleRun.get(13), "the bad item ran alone on its caller's thread");
    }

    @Test
    void afterCloseACallerIsRefusedAtOnce() {
        commit = new GroupCommit<>("test", this::recorded, 100, Thread::new);
        commit.close();
        assertThrows(IllegalStateException.class, () -> commit.submit(1));
    }

    @Test
    void whenItsThreadIsInterruptedACallerIsRefusedInsteadOfWaitingForever() throws Exception {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        commit = new GroupCommit<>("test", this::recorded, 100, runnable -> {
            Thread thread = new Thread(runnable);
            threads.add(thread);
            return thread;
        });
        threads.get(0).interrupt();
        threads.get(0).join(10_000);

        Future<String> late = callers.submit(() -> commit.submit(1));
        Exception refused = assertThrows(Exception.class, () -> late.get(10, TimeUnit.SECONDS));
        assertEquals(IllegalStateException.class, refused.getCause().getClass());
    }

    private List<String> recorded(List<Integer> items) {
        batches.add(items);
        Function<Integer, String> result = item -> "item " + item;
        return items.stream().map(result).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
