package net.smtpfeed.portal.requests;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;
import java.util.Optional;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.request.Reason;
import net.smtpfeed.portal.faces.PageMessages;
import net.smtpfeed.portal.faces.RequestedId;
import net.smtpfeed.portal.format.Labels;
import net.smtpfeed.portal.security.Caller;

/**
 * What the review pages of a request (a feed request, another request) do alike: find the request of the query string
 * or answer 404, approve it or reject it with a reason checked at its field, and after an action say how it went and
 * show the request again.
 *
 * @param <R> the kind of request
 */
public abstract class ReviewPage<R> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The decision form's reason field, for the message at the field. */
    private enum Field {
        REASON
    }

    @Inject
    RequestInbox inbox;

    @Inject
    Caller caller;

    private String id;
    private R request;
    private String rejectionReason;

    /** The view action: the request of the query string, or a 404 for anything that names none. */
    public void load() throws IOException {
        Optional<R> found = RequestedId.parse(id).flatMap(this::find);
        if (found.isEmpty()) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().responseSendError(404, "No such request");
            faces.responseComplete();
            return;
        }
        request = found.get();
    }

    public abstract String approve();

    public String reject() {
        Optional<Reason.Problem> problem = Reason.problemOf(rejectionReason);
        if (problem.isPresent()) {
            PageMessages.atField("decision", Field.REASON, labels().text("review.problem." + problem.get().name()));
            return null;
        }
        return after(rejectRequest(rejectionReason, staff()),
                labels().format("review.rejected", customerOf(request).getName()));
    }

    public abstract boolean isOpen();

    /** Whether the Approve button is offered. */
    public abstract boolean isApprovable();

    protected abstract Optional<R> find(long requestId);

    protected abstract long idOf(R reviewed);

    protected abstract Customer customerOf(R reviewed);

    protected abstract RequestInbox.Outcome rejectRequest(String reason, String staff);

    /** The page's view id without its suffix, where it goes again after an action. */
    protected abstract String page();

    /**
     * Says how the action went (the text for DONE is the caller's) and shows the request's page again.
     *
     * @return the navigation to the page, after the post
     */
    protected String after(RequestInbox.Outcome outcome, String done) {
        if (outcome == RequestInbox.Outcome.DONE) {
            PageMessages.afterRedirect(FacesMessage.SEVERITY_INFO, done);
        } else {
            PageMessages.afterRedirect(FacesMessage.SEVERITY_WARN,
                    labels().text("review.outcome." + outcome.name().toLowerCase(Locale.ROOT)));
        }
        return page() + "?faces-redirect=true&id=" + idOf(request);
    }

    protected static Labels labels() {
        return Labels.of(FacesContext.getCurrentInstance());
    }

    protected String staff() {
        return caller.getName();
    }

    public R getRequest() {
        return request;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public void setRejectionReason(String rejectionReason) {
        this.rejectionReason = rejectionReason;
    }
}
