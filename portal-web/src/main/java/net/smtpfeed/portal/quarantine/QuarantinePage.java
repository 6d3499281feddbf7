package net.smtpfeed.portal.quarantine;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import net.smtpfeed.domain.mail.Quarantine;
import net.smtpfeed.domain.mail.QuarantinedCopy;
import net.smtpfeed.portal.messages.DeliveryDisplay;
import net.smtpfeed.portal.security.Caller;
import net.smtpfeed.portal.security.CallerCustomer;
import net.smtpfeed.relay.queue.QuarantineAdministration;

/**
 * /customer/quarantine.xhtml and /staff/quarantine.xhtml: the copies that spam actions deleted and that still wait in
 * quarantine, and their release. One bean for both pages: whose copies it lists and may release follows from the
 * caller (staff: every domain's; a customer: their own domains'), never from the page or the request, and is asked
 * anew on every request. web.xml lets only customers open the one page and only staff the other.
 */
@Named
@ViewScoped
public class QuarantinePage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The most copies the page lists, newest first. */
    static final int LISTED = 200;

    @Inject
    private QuarantineAdministration quarantine;

    @Inject
    private Caller caller;

    @Inject
    private CallerCustomer callerCustomer;

    @Inject
    private DeliveryDisplay display;

    private List<QuarantinedCopy> copies;

    @PostConstruct
    void load() {
        copies = quarantine.quarantined(scope(), LISTED);
    }

    public List<QuarantinedCopy> getCopies() {
        return copies;
    }

    /** Whether there may be older copies than the page lists. */
    public boolean isCut() {
        return copies.size() >= LISTED;
    }

    public int getListed() {
        return LISTED;
    }

    /** Releases the row's copy, says whether it was still there, and shows the quarantine as it is afterwards. */
    public String release(QuarantinedCopy row) {
        FacesContext faces = FacesContext.getCurrentInstance();
        QuarantineFeedback feedback = new QuarantineFeedback(faces.getApplication().getResourceBundle(faces, "msg"),
                faces.getViewRoot().getLocale());
        String sender = display.sender(row.sender());
        if (quarantine.release(row.deliveryId(), scope(), caller.getName())) {
            tell(faces, FacesMessage.SEVERITY_INFO, feedback.released(sender, row.recipient()));
        } else {
            tell(faces, FacesMessage.SEVERITY_WARN, feedback.gone(sender, row.recipient()));
        }
        return faces.getViewRoot().getViewId() + "?faces-redirect=true";
    }

    private Quarantine.Scope scope() {
        if (caller.isStaff()) {
            return Quarantine.Scope.staff();
        }
        if (caller.isCustomer()) {
            return Quarantine.Scope.customer(callerCustomer.id());
        }
        throw new IllegalStateException("the quarantine is for staff and customers only: " + caller.getName());
    }

    private static void tell(FacesContext faces, FacesMessage.Severity severity, String text) {
        faces.addMessage(null, new FacesMessage(severity, text, null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }
}
