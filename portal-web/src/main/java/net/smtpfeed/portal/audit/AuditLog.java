package net.smtpfeed.portal.audit;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import net.smtpfeed.domain.audit.AuditEntry;
import net.smtpfeed.domain.audit.AuditTrail;
import net.smtpfeed.portal.security.StaffOnly;

/** Staff's reading of the whole audit log, every customer's and the ISP's own; the database filters and pages. */
@Stateless
@StaffOnly
public class AuditLog {

    @PersistenceContext(unitName = "smtpfeed")
    private EntityManager em;

    /** One page of entries, newest first, each with its customer's name at hand. */
    public List<AuditEntry> entries(AuditTrail.Filter filter, int first, int max) {
        List<AuditEntry> entries = new AuditTrail(em).find(filter, first, max);
        entries.forEach(entry -> {
            if (entry.getCustomer() != null) {
                entry.getCustomer().getName();
            }
        });
        return entries;
    }

    public long count(AuditTrail.Filter filter) {
        return new AuditTrail(em).count(filter);
    }

    public List<String> changes() {
        return new AuditTrail(em).changes();
    }
}
