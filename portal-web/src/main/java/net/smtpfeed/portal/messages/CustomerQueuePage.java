package net.smtpfeed.portal.messages;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.DeliveryLog;
import net.smtpfeed.portal.faces.DatabasePaging;
import net.smtpfeed.portal.security.CallerCustomer;
import org.primefaces.model.LazyDataModel;

/** /customer/queue.xhtml: the caller's mail that still waits for their server, with why and until when. */
@Named
@ViewScoped
public class CustomerQueuePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private MessageLog log;

    @Inject
    private CallerCustomer callerCustomer;

    private LazyDataModel<Delivery> deliveries;

    @PostConstruct
    void init() {
        DeliveryLog.Filter pending = DeliveryLog.Filter.pending(callerCustomer.id());
        deliveries = new DatabasePaging<>(() -> log.count(pending), (first, size) -> log.deliveries(pending, first, size),
                Delivery::getId);
    }

    public LazyDataModel<Delivery> getDeliveries() {
        return deliveries;
    }
}
