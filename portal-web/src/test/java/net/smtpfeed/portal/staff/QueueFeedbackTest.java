package net.smtpfeed.portal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.hosting.QueueLifetimeTooLong;
import net.smtpfeed.domain.mail.DomainQueue;
import org.junit.jupiter.api.Test;

class QueueFeedbackTest {

    private final QueueFeedback feedback = new QueueFeedback(
            ResourceBundle.getBundle("net.smtpfeed.portal.i18n.messages", Locale.ENGLISH), Locale.ENGLISH);

    @Test
    void retryNowSaysHowManyDeliveriesAreDueAndWhichServerIsTried() {
        assertEquals("Retry now for customer.example: 3 deliveries are due now, and 127.0.0.1:2626 is tried at once.",
                feedback.retried(new DomainQueue.RetryNow("customer.example", 3, new Destination("127.0.0.1", 2626))));
        assertEquals("Retry now for customer.example: 1 delivery is due now, and 127.0.0.1:2626 is tried at once.",
                feedback.retried(new DomainQueue.RetryNow("customer.example", 1, new Destination("127.0.0.1", 2626))));
    }

    @Test
    void retryNowWithNothingWaitingSaysSo() {
        assertEquals("Retry now for mailbox.example: nothing was waiting.",
                feedback.retried(new DomainQueue.RetryNow("mailbox.example", 0, null)));
    }

    @Test
    void anExtensionGivesTheNewLifetimeInDaysAndTheMailItMoved() {
        assertEquals("The queue lifetime of customer.example is now 3 days; the expiry of 2 waiting deliveries moved with it.",
                feedback.extended(new DomainQueue.LifetimeExtended("customer.example", Duration.ofDays(3), 2)));
        assertEquals("The queue lifetime of customer.example is now 2.5 days; the expiry of 1 waiting delivery moved with it.",
                feedback.extended(new DomainQueue.LifetimeExtended("customer.example", Duration.ofHours(60), 1)));
    }

    @Test
    void aRefusedExtensionNamesTheMaximum() {
        assertEquals("The queue lifetime of customer.example is already 14 days and cannot be extended beyond 14 days.",
                feedback.refused(new QueueLifetimeTooLong("customer.example", Duration.ofDays(14), Duration.ofDays(1),
                        Duration.ofDays(14))));
    }
}
