package net.smtpfeed.portal.domains;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import net.smtpfeed.domain.audit.AuditEntry;
import net.smtpfeed.domain.hosting.DomainName;
import net.smtpfeed.domain.hosting.HostedDomain;
import net.smtpfeed.domain.spam.SpamAction;
import net.smtpfeed.portal.security.Caller;
import net.smtpfeed.portal.security.CallerCustomer;

/**
 * /customer/domain.xhtml?name=DOMAIN: one of the caller's domains, its spam settings saved directly (in force for the
 * next message), and its audit history. Another customer's domain, or none, answers 404 alike, on opening and on
 * saving: the page does not tell whether a domain is hosted here.
 */
@Named
@ViewScoped
public class DomainPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String SELF = "/customer/domain.xhtml";

    @Inject
    private DomainSettings settings;

    @Inject
    private SpamThresholdLimits limits;

    @Inject
    private Caller caller;

    @Inject
    private CallerCustomer callerCustomer;

    private String name;
    private HostedDomain domain;
    private List<AuditEntry> history;
    private SettingsForm form;

    public void load() throws IOException {
        Optional<DomainView> found = isDomainName(name) ? settings.view(callerCustomer.id(), name) : Optional.empty();
        if (found.isEmpty()) {
            notFound();
            return;
        }
        domain = found.get().domain();
        history = found.get().history();
        form = SettingsForm.of(domain.getMailSettings());
    }

    /** Saves the form, says how many settings changed, and shows the domain as it is now; or says why not. */
    public void save() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            OptionalInt changed = settings.change(callerCustomer.id(), name, form, caller.getName());
            if (changed.isEmpty()) {
                notFound();
                return;
            }
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    feedback(faces).saved(name, changed.getAsInt()), null));
            ExternalContext external = faces.getExternalContext();
            external.getFlash().setKeepMessages(true);
            external.redirect(external.encodeRedirectURL(external.getRequestContextPath() + SELF,
                    Map.of("name", List.of(name))));
        } catch (SettingsRefused refusal) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, feedback(faces).refused(refusal), null));
        }
    }

    /** The range the thresholds may be set in, for the form's hint. */
    public String getThresholdHint() {
        return feedback(FacesContext.getCurrentInstance()).bounds("domain.thresholds.hint", limits.bounds());
    }

    public List<SpamAction> getActions() {
        return List.of(SpamAction.values());
    }

    private static boolean isDomainName(String name) {
        try {
            return name != null && DomainName.of(name).value().equals(name);
        } catch (IllegalArgumentException notAName) {
            return false;
        }
    }

    private static void notFound() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().responseSendError(404, "No such domain among yours");
        faces.responseComplete();
    }

    private static DomainFeedback feedback(FacesContext faces) {
        return new DomainFeedback(faces.getApplication().getResourceBundle(faces, "msg"), faces.getViewRoot().getLocale());
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public HostedDomain getDomain() {
        return domain;
    }

    public List<AuditEntry> getHistory() {
        return history;
    }

    public SettingsForm getForm() {
        return form;
    }
}
