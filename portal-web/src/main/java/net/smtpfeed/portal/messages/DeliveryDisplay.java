package net.smtpfeed.portal.messages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Locale;
import net.smtpfeed.domain.mail.DeliveryState;
import net.smtpfeed.domain.mail.MailMessage;
import net.smtpfeed.domain.mail.Stage;

/** How the message log and a message's page show an envelope sender, a delivery state and a timeline's stage. */
@Named
@ApplicationScoped
public class DeliveryDisplay {

    /** The null sender of bounces is written as in the SMTP dialogue, so that the cell is never blank. */
    public String sender(String envelopeSender) {
        return MailMessage.NULL_SENDER.equals(envelopeSender) ? "<>" : envelopeSender;
    }

    /** The key of the state's label in the message bundle. */
    public String statusKey(DeliveryState state) {
        return "delivery.state." + name(state);
    }

    /** The CSS classes of the state's badge. */
    public String statusClass(DeliveryState state) {
        return "badge badge-" + name(state);
    }

    /** The key of a timeline stage's label in the message bundle. */
    public String stageKey(Stage stage) {
        return "timeline.stage." + stage.name().toLowerCase(Locale.ROOT);
    }

    private static String name(DeliveryState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
