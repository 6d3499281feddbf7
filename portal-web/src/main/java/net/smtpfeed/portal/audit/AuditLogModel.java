package net.smtpfeed.portal.audit;

import java.util.List;
import java.util.Map;
import net.smtpfeed.domain.audit.AuditEntry;
import net.smtpfeed.domain.audit.AuditTrail;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Pages the audit log out of the database as the table asks for it, count and page under the same filter. */
class AuditLogModel extends LazyDataModel<AuditEntry> {

    private static final long serialVersionUID = 1L;

    private final AuditLog log;
    private final AuditTrail.Filter filter;

    AuditLogModel(AuditLog log, AuditTrail.Filter filter) {
        this.log = log;
        this.filter = filter;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return Math.toIntExact(log.count(filter));
    }

    @Override
    public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return log.entries(filter, first, pageSize);
    }

    @Override
    public String getRowKey(AuditEntry entry) {
        return String.valueOf(entry.getId());
    }
}
