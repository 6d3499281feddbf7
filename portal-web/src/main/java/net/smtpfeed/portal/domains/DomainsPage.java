package net.smtpfeed.portal.domains;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.smtpfeed.domain.hosting.DomainStatus;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.hosting.QueueLifetimeTooLong;
import net.smtpfeed.domain.mail.DomainQueue;
import net.smtpfeed.portal.faces.PageMessages;
import net.smtpfeed.portal.format.Labels;
import net.smtpfeed.portal.security.Caller;
import net.smtpfeed.portal.staff.QueueFeedback;

/**
 * /staff/domains.xhtml?q=TEXT: every customer's domains, found by part of the domain's or the customer's name, and
 * staff's actions on one. Each action posts, says what happened and shows the same search again.
 */
@Named
@ViewScoped
public class DomainsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The most domains the page lists; a search narrows them down. */
    static final int LISTED = 200;

    /** What one press of "+1 day" adds to a domain's queue lifetime, as on the Queue page. */
    static final Duration EXTENSION = Duration.ofDays(1);

    @Inject
    private DomainAdministration administration;

    @Inject
    private Caller caller;

    private String query;
    private List<HostedDomain> domains;

    /** The view action, once the query string is read. */
    public void load() {
        domains = administration.search(query, LISTED);
    }

    public String suspend(HostedDomain row) {
        administration.suspend(row.getName(), caller.getName());
        return told(FacesMessage.SEVERITY_INFO, labels().format("domains.suspended", row.getName()));
    }

    public String reactivate(HostedDomain row) {
        administration.reactivate(row.getName(), caller.getName());
        return told(FacesMessage.SEVERITY_INFO, labels().format("domains.reactivated", row.getName()));
    }

    public String retryNow(HostedDomain row) {
        DomainQueue.RetryNow retry = administration.retryNow(row.getName(), caller.getName());
        return told(FacesMessage.SEVERITY_INFO, feedback().retried(retry));
    }

    public String extendLifetime(HostedDomain row) {
        Optional<DomainQueue.LifetimeExtended> extended = administration.extendQueueLifetime(row.getName(), EXTENSION,
                caller.getName());
        return extended.map(e -> told(FacesMessage.SEVERITY_INFO, feedback().extended(e)))
                .orElseGet(() -> told(FacesMessage.SEVERITY_WARN, feedback().refused(new QueueLifetimeTooLong(
                        row.getName(), row.getQueueLifetime(), EXTENSION, HostedDomain.MAXIMUM_QUEUE_LIFETIME))));
    }

    public boolean isActive(HostedDomain row) {
        return row.getStatus() == DomainStatus.ACTIVE;
    }

    public double days(Duration lifetime) {
        return QueueFeedback.days(lifetime);
    }

    /** Whether there may be more domains than the page lists. */
    public boolean isCut() {
        return domains.size() >= LISTED;
    }

    public int getListed() {
        return LISTED;
    }

    public List<HostedDomain> getDomains() {
        return domains;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    /** Says what happened, and shows the same search again. */
    private static String told(FacesMessage.Severity severity, String text) {
        PageMessages.afterRedirect(severity, text);
        return "/staff/domains?faces-redirect=true&includeViewParams=true";
    }

    private static Labels labels() {
        return Labels.of(FacesContext.getCurrentInstance());
    }

    private static QueueFeedback feedback() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return new QueueFeedback(faces.getApplication().getResourceBundle(faces, "msg"), faces.getViewRoot().getLocale());
    }
}
