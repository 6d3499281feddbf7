package net.smtpfeed.portal.requests;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.request.CustomerRequest;
import net.smtpfeed.domain.request.CustomerRequestType;
import net.smtpfeed.portal.faces.PageMessages;
import net.smtpfeed.portal.staff.QueueFeedback;

/**
 * /staff/request.xhtml?id=N: a customer's request for a longer queue lifetime, for temporary mailboxes or for the feed
 * back, approved (a queue extension and the switch to mailboxes take effect at once) or rejected with a reason for
 * the customer.
 */
@Named
@ViewScoped
public class CustomerRequestReviewPage extends ReviewPage<CustomerRequest> {

    private static final long serialVersionUID = 1L;

    /**
     * Approves the request. A queue extension shows the request again with the new lifetime; a request about mailboxes
     * leads to the domain's mailbox page, where staff create its mailboxes or switch it back to its feed.
     */
    @Override
    public String approve() {
        CustomerRequest request = getRequest();
        RequestInbox.Outcome outcome = inbox.approveCustomerRequest(request.getId(), staff());
        String domain = request.getDomain().getName();
        if (isQueueExtension()) {
            return after(outcome, labels().format("review.extensionApproved", domain, QueueFeedback.days(
                    inbox.customerRequest(request.getId()).orElseThrow().getDomain().getQueueLifetime())));
        }
        if (outcome != RequestInbox.Outcome.DONE) {
            return after(outcome, null);
        }
        PageMessages.afterRedirect(FacesMessage.SEVERITY_INFO, labels().format(
                request.getType() == CustomerRequestType.TEMPORARY_MAILBOXES ? "review.mailboxesApproved"
                        : "review.feedReturnApproved", domain));
        return "/staff/mailboxes?faces-redirect=true&domain=" + URLEncoder.encode(domain, StandardCharsets.UTF_8);
    }

    /** The note on what approving a request about mailboxes does; null for a queue extension, which shows its days. */
    public String getModeNoteKey() {
        return switch (getRequest().getType()) {
            case QUEUE_EXTENSION -> null;
            case TEMPORARY_MAILBOXES -> "review.mailboxesNote";
            case FEED_RETURN -> "review.feedReturnNote";
        };
    }

    public boolean isQueueExtension() {
        return getRequest().getType() == CustomerRequestType.QUEUE_EXTENSION;
    }

    @Override
    public boolean isOpen() {
        return getRequest().getState().isOpen();
    }

    /** Anything open may be approved: a queue extension that no longer fits is refused with its reason. */
    @Override
    public boolean isApprovable() {
        return isOpen();
    }

    public double days(Duration lifetime) {
        return QueueFeedback.days(lifetime);
    }

    @Override
    protected Optional<CustomerRequest> find(long requestId) {
        return inbox.customerRequest(requestId);
    }

    @Override
    protected long idOf(CustomerRequest reviewed) {
        return reviewed.getId();
    }

    @Override
    protected Customer customerOf(CustomerRequest reviewed) {
        return reviewed.getCustomer();
    }

    @Override
    protected RequestInbox.Outcome rejectRequest(String reason, String staff) {
        return inbox.rejectCustomerRequest(getRequest().getId(), reason, staff);
    }

    @Override
    protected String page() {
        return "/staff/request";
    }
}
