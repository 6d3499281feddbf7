package net.smtpfeed.portal.messages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.MailMessage;
import net.smtpfeed.domain.mail.MessageEvent;
import net.smtpfeed.portal.security.CallerCustomer;

/**
 * /customer/message.xhtml?id=QUEUEID: one of the caller's messages and its timeline, reached from the message log.
 * Another customer's message, or none, answers 404 alike: the page does not tell whether a queue id exists.
 */
@Named
@RequestScoped
public class MessagePage {

    /** What QueueId makes: letters and digits. Anything else names no message and is not worth a query. */
    private static final Pattern QUEUE_ID = Pattern.compile("[A-Za-z0-9]{1,40}");

    @Inject
    private MessageLog log;

    @Inject
    private CallerCustomer callerCustomer;

    @Inject
    private FacesContext faces;

    private String id;
    private MessageHistory history;

    public void load() throws IOException {
        Optional<MessageHistory> found = id != null && QUEUE_ID.matcher(id).matches()
                ? log.history(callerCustomer.id(), id) : Optional.empty();
        if (found.isEmpty()) {
            faces.getExternalContext().responseSendError(404, "No such message in your message log");
            faces.responseComplete();
            return;
        }
        history = found.get();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public MailMessage getMessage() {
        return history.message();
    }

    /** The message's copies for the caller's domains: one per recipient there. */
    public List<Delivery> getCopies() {
        return history.copies();
    }

    public List<MessageEvent> getTimeline() {
        return history.timeline();
    }
}
