package net.smtpfeed.relay.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
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
    void aSessionGetsTheQueueIdOfItsOwnMessage() throws IOException {
        try (GroupCommitIntake intake = new GroupCommitIntake(queue, 16, Thread::new);
             SpooledMessage message = message(1000)) {
            assertEquals("id-" + message.size(), intake.enqueue(ENVELOPE, message, Inspection.of(List.of())));
        }
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

    private static SpooledMessage message(int bytes) throws IOException {
        return SpooledMessage.spool(new ByteArrayInputStream(new byte[bytes]), new byte[0], 10L * bytes);
    }
}
