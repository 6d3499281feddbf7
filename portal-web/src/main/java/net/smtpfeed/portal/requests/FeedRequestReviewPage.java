package net.smtpfeed.portal.requests;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import net.smtpfeed.domain.customer.Customer;
import net.smtpfeed.domain.feed.FeedRequest;
import net.smtpfeed.domain.spam.SpamLevel;

/**
 * /staff/feed-request.xhtml?id=N: one feed request as staff work it. They test the connection to the customer's
 * server (the transcript and verdict stay on the request), then approve, which makes the domain live, or reject with
 * a reason for the customer.
 */
@Named
@ViewScoped
public class FeedRequestReviewPage extends ReviewPage<FeedRequest> {

    private static final long serialVersionUID = 1L;

    public String testConnection() {
        FeedRequest request = getRequest();
        return after(inbox.testConnection(request.getId(), staff()),
                labels().format("review.tested", request.getDomainName()));
    }

    @Override
    public String approve() {
        FeedRequest request = getRequest();
        return after(inbox.approveFeed(request.getId(), staff()),
                labels().format("review.feedApproved", request.getDomainName(), request.getDestination().toString()));
    }

    /** The spam levels whose settings the request shows: Low, Med and High. */
    public List<SpamLevel> getSpamLevels() {
        return List.of(SpamLevel.LOW, SpamLevel.MED, SpamLevel.HIGH);
    }

    @Override
    public boolean isOpen() {
        return getRequest().getState().isOpen();
    }

    @Override
    public boolean isApprovable() {
        return getRequest().isReadyForApproval();
    }

    @Override
    protected Optional<FeedRequest> find(long requestId) {
        return inbox.feedRequest(requestId);
    }

    @Override
    protected long idOf(FeedRequest reviewed) {
        return reviewed.getId();
    }

    @Override
    protected Customer customerOf(FeedRequest reviewed) {
        return reviewed.getCustomer();
    }

    @Override
    protected RequestInbox.Outcome rejectRequest(String reason, String staff) {
        return inbox.rejectFeed(getRequest().getId(), reason, staff);
    }

    @Override
    protected String page() {
        return "/staff/feed-request";
    }
}
