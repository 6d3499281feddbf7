package net.smtpfeed.portal.requests;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import net.smtpfeed.domain.feed.FeedRequest;
import net.smtpfeed.domain.spam.SpamLevel;
import net.smtpfeed.portal.security.Caller;

/**
 * /staff/feed-request.xhtml?id=N: one feed request as staff work it. They test the connection to the customer's
 * server (the transcript and verdict stay on the request), then approve, which makes the domain live, or reject with
 * a reason for the customer.
 */
@Named
@ViewScoped
public class FeedRequestReviewPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String SELF = "/staff/feed-request";

    @Inject
    private RequestInbox inbox;

    @Inject
    private Caller caller;

    private String id;
    private FeedRequest request;
    private String rejectionReason;

    public void load() throws IOException {
        request = Review.find(id, inbox::feedRequest).orElse(null);
    }

    public String testConnection() {
        return Review.after(inbox.testConnection(request.getId(), caller.getName()),
                Review.labels().format("review.tested", request.getDomainName()), SELF, request.getId());
    }

    public String approve() {
        return Review.after(inbox.approveFeed(request.getId(), caller.getName()),
                Review.labels().format("review.feedApproved", request.getDomainName(),
                        request.getDestination().toString()), SELF, request.getId());
    }

    public String reject() {
        if (!Review.reasonGiven(rejectionReason)) {
            return null;
        }
        return Review.after(inbox.rejectFeed(request.getId(), rejectionReason, caller.getName()),
                Review.labels().format("review.rejected", request.getCustomer().getName()), SELF, request.getId());
    }

    public FeedRequest getRequest() {
        return request;
    }

    /** The spam levels whose settings the request shows: Low, Med and High. */
    public List<SpamLevel> getSpamLevels() {
        return List.of(SpamLevel.LOW, SpamLevel.MED, SpamLevel.HIGH);
    }

    public boolean isOpen() {
        return request.getState().isOpen();
    }

    public boolean isApprovable() {
        return request.isReadyForApproval();
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
