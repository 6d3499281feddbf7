package net.smtpfeed.portal.messages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.DeliveryLog;
import net.smtpfeed.domain.mail.DeliveryState;
import net.smtpfeed.portal.faces.DatabasePaging;
import net.smtpfeed.portal.faces.FilterAddress;
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
            DeliveryLog.Filter filter = new DeliveryLog.Filter(callerCustomer.id(), from, to, sender, recipient, states);
            deliveries = new DatabasePaging<>(() -> log.count(filter),
                    (first, size) -> log.deliveries(filter, first, size), Delivery::getId);
        }
        return deliveries;
    }

    /** Shows the log under the filter the form holds, at an address of its own. */
    public void filter() throws IOException {
        filterAddress().redirect();
    }

    public boolean isFiltered() {
        return !filterAddress().isEmpty();
    }

    private FilterAddress filterAddress() {
        return FilterAddress.of(SELF)
                .with("from", from)
                .with("to", to)
                .with("sender", sender)
                .with("recipient", recipient)
                .with("outcome", outcome);
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
