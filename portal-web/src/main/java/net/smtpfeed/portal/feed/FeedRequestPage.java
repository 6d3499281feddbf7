package net.smtpfeed.portal.feed;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import net.smtpfeed.domain.feed.FeedApplication;
import net.smtpfeed.domain.hosting.Destination;
import net.smtpfeed.domain.spam.SpamAction;
import net.smtpfeed.domain.spam.SpamPolicy;
import net.smtpfeed.portal.faces.PageMessages;
import net.smtpfeed.portal.format.Labels;
import net.smtpfeed.portal.security.Caller;
import net.smtpfeed.portal.security.CallerCustomer;
import net.smtpfeed.portal.spam.SpamLevelForm;

/**
 * /customer/feed-request.xhtml: a customer asks for an SMTP feed. The form starts with the product's defaults; on
 * sending, every problem is shown at its field, and a request that was taken leads to the customer's requests.
 */
@Named
@ViewScoped
public class FeedRequestPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String FORM = "feed";

    @Inject
    private FeedApplications applications;

    @Inject
    private CallerCustomer callerCustomer;

    @Inject
    private Caller caller;

    private String domainName;
    private String address;
    private Integer port = Destination.SMTP_PORT;
    private boolean greylisting = true;
    private boolean spamChecking;
    private final List<SpamLevelForm> spamLevels = SpamLevelForm.rowsOf(SpamPolicy.defaults());

    public String submit() {
        FeedApplication application = new FeedApplication(domainName, address, port, greylisting, spamChecking,
                spamLevels.stream().map(SpamLevelForm::choice).toList());
        Map<FeedApplication.Field, Enum<?>> problems = applications.submit(callerCustomer.id(), caller.getName(),
                application);
        Labels labels = Labels.of(FacesContext.getCurrentInstance());
        if (!problems.isEmpty()) {
            problems.forEach((field, problem) ->
                    PageMessages.atField(FORM, field, labels.text("feedRequest.problem." + problem.name())));
            return null;
        }
        PageMessages.afterRedirect(FacesMessage.SEVERITY_INFO, labels.format("feedRequest.sent", domainName.strip()));
        return "/customer/requests?faces-redirect=true";
    }

    public List<SpamAction> getSpamActions() {
        return List.of(SpamAction.values());
    }

    public List<SpamLevelForm> getSpamLevels() {
        return spamLevels;
    }

    public String getDomainName() {
        return domainName;
    }

    public void setDomainName(String domainName) {
        this.domainName = domainName;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public boolean isGreylisting() {
        return greylisting;
    }

    public void setGreylisting(boolean greylisting) {
        this.greylisting = greylisting;
    }

    public boolean isSpamChecking() {
        return spamChecking;
    }

    public void setSpamChecking(boolean spamChecking) {
        this.spamChecking = spamChecking;
    }
}
