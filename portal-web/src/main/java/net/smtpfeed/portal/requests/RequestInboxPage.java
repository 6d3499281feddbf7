package net.smtpfeed.portal.requests;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import net.smtpfeed.domain.feed.FeedRequest;
import net.smtpfeed.domain.request.CustomerRequest;

/** /staff/requests.xhtml: every customer's requests that wait for staff, oldest first, each opening its own page. */
@Named
@RequestScoped
public class RequestInboxPage {

    @Inject
    private RequestInbox inbox;

    private List<FeedRequest> feedRequests;
    private List<CustomerRequest> otherRequests;

    @PostConstruct
    void load() {
        feedRequests = inbox.openFeedRequests();
        otherRequests = inbox.openCustomerRequests();
    }

    public List<FeedRequest> getFeedRequests() {
        return feedRequests;
    }

    public List<CustomerRequest> getOtherRequests() {
        return otherRequests;
    }
}
