package net.smtpfeed.portal.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;
import net.smtpfeed.domain.mail.DeliveryState;
import net.smtpfeed.domain.mail.MailMessage;
import net.smtpfeed.domain.mail.Stage;
import org.junit.jupiter.api.Test;

class DeliveryDisplayTest {

    private final DeliveryDisplay display = new DeliveryDisplay();

    @Test
    void theNullSenderIsShownAsInSmtp() {
        assertEquals("<>", display.sender(MailMessage.NULL_SENDER));
    }

    @Test
    void anyOtherSenderIsShownAsItCame() {
        assertEquals("alice@example.org", display.sender("alice@example.org"));
    }

    @Test
    void everyStateHasAReadableLabel() {
        ResourceBundle bundle = ResourceBundle.getBundle("net.smtpfeed.portal.i18n.messages", Locale.ENGLISH);
        assertEquals("Queued", bundle.getString(display.statusKey(DeliveryState.QUEUED)));
        assertEquals("Delivering", bundle.getString(display.statusKey(DeliveryState.DELIVERING)));
        assertEquals("Deferred", bundle.getString(display.statusKey(DeliveryState.DEFERRED)));
        assertEquals("Delivered", bundle.getString(display.statusKey(DeliveryState.DELIVERED)));
        assertTrue(Arrays.stream(DeliveryState.values()).allMatch(s -> bundle.containsKey(display.statusKey(s))),
                "a state without a label would show as ???key??? in the log");
    }

    @Test
    void eachStateHasItsOwnBadge() {
        assertEquals("badge badge-deferred", display.statusClass(DeliveryState.DEFERRED));
        assertEquals(DeliveryState.values().length,
                Arrays.stream(DeliveryState.values()).map(display::statusClass).distinct().count());
    }

    @Test
    void everyTimelineStageHasAReadableLabel() {
        ResourceBundle bundle = ResourceBundle.getBundle("net.smtpfeed.portal.i18n.messages", Locale.ENGLISH);
        assertEquals("Received", bundle.getString(display.stageKey(Stage.RECEIVED)));
        assertEquals("Virus scan", bundle.getString(display.stageKey(Stage.VIRUS_SCAN)));
        assertEquals("Delivery", bundle.getString(display.stageKey(Stage.DELIVERY)));
        assertTrue(Arrays.stream(Stage.values()).allMatch(s -> bundle.containsKey(display.stageKey(s))),
                "a stage without a label would show as ???key??? in a timeline");
    }
}
