package net.smtpfeed.portal.audit;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import net.smtpfeed.domain.audit.AuditEntry;
import net.smtpfeed.domain.audit.AuditTrail;
import net.smtpfeed.portal.faces.DatabasePaging;
import net.smtpfeed.portal.faces.FilterAddress;
import org.primefaces.model.LazyDataModel;

/**
 * /staff/audit.xhtml: every change by anyone, filtered by who, what (a domain, a user, a request), the kind of change
 * and a date range (UTC days, as the page shows times). The filter is part of the address, so that a filtered log
 * can be bookmarked and sent on; the filter form only redirects to it.
 */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String SELF = "/staff/audit.xhtml";

    @Inject
    private AuditLog log;

    private LocalDate from;
    private LocalDate to;
    private String actor;
    private String subject;
    private String change;

    private LazyDataModel<AuditEntry> entries;
    private List<String> changes;

    /** Made when the table first asks, once the address's filter is in the fields. */
    public LazyDataModel<AuditEntry> getEntries() {
        if (entries == null) {
            AuditTrail.Filter filter = new AuditTrail.Filter(
                    from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    actor, null, subject, change);
            entries = new DatabasePaging<>(() -> log.count(filter), (first, size) -> log.entries(filter, first, size),
                    AuditEntry::getId);
        }
        return entries;
    }

    public List<String> getChanges() {
        if (changes == null) {
            changes = log.changes();
        }
        return changes;
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
                .with("actor", actor)
                .with("subject", subject)
                .with("change", change);
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

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getChange() {
        return change;
    }

    public void setChange(String change) {
        this.change = change;
    }
}
