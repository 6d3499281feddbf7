package net.smtpfeed.portal.messages;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.DeliveryLog;
import net.smtpfeed.domain.mail.DeliveryState;
import net.smtpfeed.portal.security.CallerCustomer;
import org.primefaces.model.LazyDataModel;

/**
 * /customer/messages.xhtml: the caller's own message log. Its filter is part of the address (from, to, sender,
 * recipient, outcome), so that a filtered log can be bookmarked and sent on; the filter form only redirects to it.
 */
@Named
@ViewScoped
public class MessageLogPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String SELF = "/customer/messages.xhtml";

    @Inject
    private MessageLog log;

    @Inject
    private CallerCustomer callerCustomer;

    private LocalDate from;
    private LocalDate to;
    private String sender;
    private String recipient;
    private DeliveryState outcome;

    private LazyDataModel<Delivery> deliveries;

    /** Made when the table first asks, once the address's filter is in the fields. */
    public LazyDataModel<Delivery> getDeliveries() {
        if (deliveries == null) {
            Set<DeliveryState> states = outcome == null ? Set.of() : EnumSet.of(outcome);
            deliveries = new DeliveryLogModel(log,
                    new DeliveryLog.Filter(callerCustomer.id(), from, to, sender, recipient, states));
        }
        return deliveries;
    }

    /** Shows the log under the filter the form holds, at an address of its own. */
    public void filter() throws IOException {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        put(parameters, "from", from == null ? null : from.toString());
        put(parameters, "to", to == null ? null : to.toString());
        put(parameters, "sender", sender);
        put(parameters, "recipient", recipient);
        put(parameters, "outcome", outcome == null ? null : outcome.name());
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.encodeRedirectURL(external.getRequestContextPath() + SELF, parameters));
    }

    private static void put(Map<String, List<String>> parameters, String name, String value) {
        if (value != null && !value.isBlank()) {
            parameters.put(name, List.of(value.strip()));
        }
    }

    public boolean isFiltered() {
        return from != null || to != null || !(sender == null || sender.isBlank())
                || !(recipient == null || recipient.isBlank()) || outcome != null;
    }

    public List<DeliveryState> getOutcomes() {
        return List.of(DeliveryState.values());
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getSender() {
        return sender;
    }

    public void setSender(String sender) {
        this.sender = sender;
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }

    public DeliveryState getOutcome() {
        return outcome;
    }

    public void setOutcome(DeliveryState outcome) {
        this.outcome = outcome;
    }
}
