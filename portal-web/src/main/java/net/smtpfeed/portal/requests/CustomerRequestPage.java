package net.smtpfeed.portal.requests;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.request.CustomerRequest;
import net.smtpfeed.domain.request.CustomerRequestType;
import net.smtpfeed.portal.faces.PageMessages;
import net.smtpfeed.portal.format.Labels;
import net.smtpfeed.portal.security.Caller;
import net.smtpfeed.portal.security.CallerCustomer;

/**
 * /customer/request.xhtml: a customer asks for a longer queue lifetime for one of their domains, or for temporary
 * mailboxes, with a reason. Problems are shown at their fields; a request that was taken leads to the requests page.
 */
@Named
@ViewScoped
public class CustomerRequestPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String FORM = "request";

    @Inject
    private CustomerRequests requests;

    @Inject
    private CallerCustomer callerCustomer;

    @Inject
    private Caller caller;

    private List<String> domainNames;
    private CustomerRequestType type = CustomerRequestType.QUEUE_EXTENSION;
    private String domainName;
    private Integer extraDays = 1;
    private String reason;

    @PostConstruct
    void load() {
        domainNames = requests.domains(callerCustomer.id()).stream().map(HostedDomain::getName).toList();
    }

    public String submit() {
        Map<CustomerRequest.Field, Enum<?>> problems = requests.submit(callerCustomer.id(), caller.getName(), type,
                domainName, extraDays, reason);
        Labels labels = Labels.of(FacesContext.getCurrentInstance());
        if (!problems.isEmpty()) {
            problems.forEach((field, problem) ->
                    PageMessages.atField(FORM, field, labels.text("customerRequest.problem." + problem.name())));
            return null;
        }
        PageMessages.afterRedirect(FacesMessage.SEVERITY_INFO, labels.format("customerRequest.sent", domainName));
        return "/customer/requests?faces-redirect=true";
    }

    public List<CustomerRequestType> getTypes() {
        return List.of(CustomerRequestType.values());
    }

    public boolean isQueueExtension() {
        return type == CustomerRequestType.QUEUE_EXTENSION;
    }

    public List<String> getDomainNames() {
        return domainNames;
    }

    public CustomerRequestType getType() {
        return type;
    }

    public void setType(CustomerRequestType type) {
        this.type = type;
    }

    public String getDomainName() {
        return domainName;
    }

    public void setDomainName(String domainName) {
        this.domainName = domainName;
    }

    public Integer getExtraDays() {
        return extraDays;
    }

    public void setExtraDays(Integer extraDays) {
        this.extraDays = extraDays;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
