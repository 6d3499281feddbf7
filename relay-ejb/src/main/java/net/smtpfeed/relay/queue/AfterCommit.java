package net.smtpfeed.relay.queue;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Holds back what reports a transaction's work, a log line or a counter, until that work is durable: a batch that
 * rolls back and is run again message by message must neither log a queue id that never existed nor count twice.
 */
@ApplicationScoped
public class AfterCommit {

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** Runs the report once the caller's transaction has committed, and never if it rolls back. */
    public void report(Runnable report) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    report.run();
                }
            }
        });
    }
}
