package net.smtpfeed.portal.requests;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import net.smtpfeed.domain.feed.FeedRequest;
import net.smtpfeed.domain.request.CustomerRequest;
import net.smtpfeed.portal.security.CallerCustomer;

/** /customer/requests.xhtml: the caller's feed requests and other requests, newest first, with where each stands. */
@Named
@RequestScoped
public class CustomerRequestsPage {

    @Inject
    private CustomerRequests requests;

    @Inject
    private CallerCustomer callerCustomer;

    private List<FeedRequest> feedRequests;
    private List<CustomerRequest> otherRequests;

    @PostConstruct
    void load() {
        long customerId = callerCustomer.id();
        feedRequests = requests.feedRequests(customerId);
        otherRequests = requests.otherRequests(customerId);
    }

    public List<FeedRequest> getFeedRequests() {
        return feedRequests;
    }

    public List<CustomerRequest> getOtherRequests() {
        return otherRequests;
    }
}
