package net.smtpfeed.portal.messages;

import java.util.List;
import java.util.Map;
import net.smtpfeed.domain.mail.Delivery;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Pages the message log out of the database as the table asks for it; the order is the log's own. */
class DeliveryLogModel extends LazyDataModel<Delivery> {

    private static final long serialVersionUID = 1L;

    private final MessageLog log;
    private final long customerId;

    DeliveryLogModel(MessageLog log, long customerId) {
        this.log = log;
        this.customerId = customerId;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return Math.toIntExact(log.count(customerId));
    }

    @Override
    public List<Delivery> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return log.deliveries(customerId, first, pageSize);
    }

    @Override
    public String getRowKey(Delivery delivery) {
        return String.valueOf(delivery.getId());
    }
}
