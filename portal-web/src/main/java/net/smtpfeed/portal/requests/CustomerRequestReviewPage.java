package net.smtpfeed.portal.requests;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.Optional;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.request.CustomerRequest;
import net.smtpfeed.domain.request.CustomerRequestType;
import net.smtpfeed.portal.staff.QueueFeedback;

/**
 * /staff/request.xhtml?id=N: a customer's request for a longer queue lifetime or for temporary mailboxes, approved
 * (a queue extension takes effect at once) or rejected with a reason for the customer.
 */
@Named
@ViewScoped
public class CustomerRequestReviewPage extends ReviewPage<CustomerRequest> {

    private static final long serialVersionUID = 1L;

    @Override
    public String approve() {
        CustomerRequest request = getRequest();
        RequestInbox.Outcome outcome = inbox.approveCustomerRequest(request.getId(), staff());
        String domain = request.getDomain().getName();
        String done = isQueueExtension()
                ? labels().format("review.extensionApproved", domain, QueueFeedback.days(
                        inbox.customerRequest(request.getId()).orElseThrow().getDomain().getQueueLifetime()))
                : labels().format("review.mailboxesApproved", domain);
        return after(outcome, done);
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
