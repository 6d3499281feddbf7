package net.smtpfeed.relay.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import net.smtpfeed.relay.delivery.DeliveryDispatcher;

/** Mail that a person made due now goes to the workers as soon as that is committed, not at the dispatcher's next poll. */
@ApplicationScoped
public class DueNowHandOff {

    @Inject
    private DeliveryDispatcher dispatcher;

    void afterMadeDue(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailDueNow due) {
        dispatcher.dispatchDueNow();
    }
}
