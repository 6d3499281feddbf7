package net.smtpfeed.relay.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import net.smtpfeed.relay.delivery.DeliveryDispatcher;

/** Mail that staff made due now goes to the workers as soon as that is committed, not at the dispatcher's next poll. */
@ApplicationScoped
public class RetryNowHandOff {

    @Inject
    private DeliveryDispatcher dispatcher;

    void afterRetryNow(@Observes(during = TransactionPhase.AFTER_SUCCESS) RetryNowRequested request) {
        dispatcher.dispatchDueNow();
    }
}
