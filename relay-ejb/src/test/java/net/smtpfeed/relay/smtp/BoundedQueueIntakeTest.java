package net.smtpfeed.relay.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedQueueIntakeTest {

    private static final Envelope ENVELOPE = new Envelope("a@b.example", List.of(), "127.0.0.1", "b.example");

    @Test
    void noMoreThanTheLimitStoreAtTheSameTime() throws Exception {
        AtomicInteger storing = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        MessageQueue slowQueue = (envelope, message, findings) -> {
            mostAtOnce.accumulateAndGet(storing.incrementAndGet(), Math::max);
            sleep(50);
            storing.decrementAndGet();
            return "Q";
        };
        BoundedQueueIntake intake = new BoundedQueueIntake(slowQueue, 3, Duration.ofSeconds(30));
        ExecutorService sessions = Executors.newFixedThreadPool(12);
        CountDownLatch done = new CountDownLatch(12);
        for (int i = 0; i < 12; i++) {
            sessions.execute(() -> {
                intake.enqueue(ENVELOPE, null, Inspection.of(List.of()));
                done.countDown();
            });
        }
        done.await(30, TimeUnit.SECONDS);
        sessions.shutdown();
        assertEquals(3, mostAtOnce.get());
    }

    @Test
    void aSessionThatGetsNoTurnInTimeIsRefusedNotAccepted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        MessageQueue blockedQueue = (envelope, message, findings) -> {
            await(release);
            return "Q";
        };
        BoundedQueueIntake intake = new BoundedQueueIntake(blockedQueue, 1, Duration.ofMillis(100));
        Thread holder = new Thread(() -> intake.enqueue(ENVELOPE, null, Inspection.of(List.of())));
        holder.start();
        Thread.sleep(50);
        assertThrows(IllegalStateException.class, () -> intake.enqueue(ENVELOPE, null, Inspection.of(List.of())));
        release.countDown();
        holder.join();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
