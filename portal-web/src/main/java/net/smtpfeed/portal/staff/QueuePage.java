package net.smtpfeed.portal.staff;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.hosting.QueueLifetimeTooLong;
import net.smtpfeed.domain.mail.PendingMailOfDomain;
import net.smtpfeed.portal.domains.DomainAdministration;
import net.smtpfeed.portal.security.Caller;

/**
 * /staff/queue.xhtml: the domains with mail waiting, and staff's two actions on one of them, audited as on the
 * domains page. Each action posts, says what happened, and redirects to the page, which then shows the queue as it is after the action.
 */
@Named
@ViewScoped
public class QueuePage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What one press of "Extend" adds to a domain's queue lifetime. */
    static final Duration EXTENSION = Duration.ofDays(1);

    private static final String SELF = "/staff/queue?faces-redirect=true";

    @Inject
    private QueueOverview overview;

    @Inject
    private DomainAdministration administration;

    @Inject
    private Caller caller;

    private List<PendingMailOfDomain> domains;

    @PostConstruct
    void load() {
        domains = overview.pendingByDomain();
    }

    public List<PendingMailOfDomain> getDomains() {
        return domains;
    }

    public double days(Duration lifetime) {
        return QueueFeedback.days(lifetime);
    }

    public String retryNow(PendingMailOfDomain row) {
        tell(FacesMessage.SEVERITY_INFO, feedback().retried(administration.retryNow(row.domain(), caller.getName())));
        return SELF;
    }

    public String extendLifetime(PendingMailOfDomain row) {
        administration.extendQueueLifetime(row.domain(), EXTENSION, caller.getName()).ifPresentOrElse(
                extended -> tell(FacesMessage.SEVERITY_INFO, feedback().extended(extended)),
                () -> tell(FacesMessage.SEVERITY_WARN, feedback().refused(new QueueLifetimeTooLong(row.domain(),
                        row.queueLifetime(), EXTENSION, HostedDomain.MAXIMUM_QUEUE_LIFETIME))));
        return SELF;
    }

    private static QueueFeedback feedback() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return new QueueFeedback(faces.getApplication().getResourceBundle(faces, "msg"), faces.getViewRoot().getLocale());
    }

    private static void tell(FacesMessage.Severity severity, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(severity, text, null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }
}
