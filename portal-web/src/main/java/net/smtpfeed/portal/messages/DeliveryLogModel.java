package net.smtpfeed.portal.messages;

import java.util.List;
import java.util.Map;
import net.smtpfeed.domain.mail.Delivery;
import net.smtpfeed.domain.mail.DeliveryLog;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Pages a customer's copies out of the database as the table asks for it, count and page under the same filter; the
 * order is the log's own.
 */
class DeliveryLogModel extends LazyDataModel<Delivery> {

    private static final long serialVersionUID = 1L;

    private final MessageLog log;
    private final DeliveryLog.Filter filter;

    DeliveryLogModel(MessageLog log, DeliveryLog.Filter filter) {
        this.log = log;
        this.filter = filter;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return Math.toIntExact(log.count(filter));
    }

    @Override
    public List<Delivery> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return log.deliveries(filter, first, pageSize);
    }

    @Override
    public String getRowKey(Delivery delivery) {
        return String.valueOf(delivery.getId());
    }
}
