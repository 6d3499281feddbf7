package net.smtpfeed.portal.requests;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import net.smtpfeed.domain.request.CustomerRequest;
import net.smtpfeed.domain.request.CustomerRequestType;
import net.smtpfeed.portal.security.Caller;
import net.smtpfeed.portal.staff.QueueFeedback;

/**
 * /staff/request.xhtml?id=N: a customer's request for a longer queue lifetime or for temporary mailboxes, approved
 * (a queue extension takes effect at once) or rejected with a reason for the customer.
 */
@Named
@ViewScoped
public class CustomerRequestReviewPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String SELF = "/staff/request";

    @Inject
    private RequestInbox inbox;

    @Inject
    private Caller caller;

    private String id;
    private CustomerRequest request;
    private String rejectionReason;

    public void load() throws IOException {
        request = Review.find(id, inbox::customerRequest).orElse(null);
    }

    public String approve() {
        RequestInbox.Outcome outcome = inbox.approveCustomerRequest(request.getId(), caller.getName());
        String domain = request.getDomain().getName();
        String done = isQueueExtension()
                ? Review.labels().format("review.extensionApproved", domain, QueueFeedback.days(inbox
                        .customerRequest(request.getId()).orElseThrow().getDomain().getQueueLifetime()))
                : Review.labels().format("review.mailboxesApproved", domain);
        return Review.after(outcome, done, SELF, request.getId());
    }

    public String reject() {
        if (!Review.reasonGiven(rejectionReason)) {
            return null;
        }
        return Review.after(inbox.rejectCustomerRequest(request.getId(), rejectionReason, caller.getName()),
                Review.labels().format("review.rejected", request.getCustomer().getName()), SELF, request.getId());
    }

    public CustomerRequest getRequest() {
        return request;
    }

    public boolean isQueueExtension() {
        return request.getType() == CustomerRequestType.QUEUE_EXTENSION;
    }

    public boolean isOpen() {
        return request.getState().isOpen();
    }

    /** Anything open may be approved: a queue extension that no longer fits is refused with its reason. */
    public boolean isApprovable() {
        return isOpen();
    }

    public double days(Duration lifetime) {
        return QueueFeedback.days(lifetime);
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
