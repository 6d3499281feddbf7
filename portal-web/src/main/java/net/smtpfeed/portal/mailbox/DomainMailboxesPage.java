package net.smtpfeed.portal.mailbox;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import net.smtpfeed.domain.mailbox.MailboxCreated;
import net.smtpfeed.domain.mailbox.MailboxRefused;
import net.smtpfeed.domain.mailbox.ModeChange;
import net.smtpfeed.domain.mailbox.ModeSwitchRefused;
import net.smtpfeed.domain.mailbox.StoredMailDisposal;
import net.smtpfeed.portal.faces.PageMessages;
import net.smtpfeed.portal.format.Labels;
import net.smtpfeed.portal.security.Caller;
import net.smtpfeed.relay.mailbox.MailboxAdministration;
import net.smtpfeed.relay.mailbox.ModeSwitch;

/**
 * /staff/mailboxes.xhtml?domain=NAME: one domain's delivery mode and its temporary mailboxes. Staff switch a feed
 * domain to mailboxes, create, delete and reset mailboxes and choose the catch-all, and switch the domain back to its
 * feed, choosing what becomes of the mail left in the mailboxes. Every action posts through the relay (which audits
 * it), says what happened and shows the page again; a new password is shown once, on that next view only.
 */
@Named
@ViewScoped
public class DomainMailboxesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String CREATE_FORM = "create";
    private static final String SWITCH_BACK_FORM = "switch-back";

    /** The form fields a problem is shown at (PageMessages names their components). */
    private enum Field {
        LOCAL_PART,
        DISPOSAL,
        FETCH_CONFIRMED
    }

    @Inject
    private DomainMailboxes directory;

    @Inject
    private MailboxAdministration administration;

    @Inject
    private ModeSwitch modeSwitch;

    @Inject
    private Caller caller;

    private String domain;
    private DomainMailboxes.View view;

    private String localPart;
    private boolean catchAll;
    private StoredMailDisposal disposal;
    private boolean fetchConfirmed;

    /** The view action: the domain of the address, or 404. */
    public void load() throws IOException {
        view = domain == null ? null : directory.view(domain).orElse(null);
        if (view == null) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().responseSendError(404, "No such domain");
            faces.responseComplete();
        }
    }

    public String switchToMailboxes() {
        try {
            ModeChange.ToMailboxes switched = modeSwitch.toMailboxes(domain, caller.getName());
            return told(FacesMessage.SEVERITY_INFO,
                    labels().format("mailboxes.switched.toMailboxes", switched.domain(), switched.deliveriesDue()));
        } catch (ModeSwitchRefused refused) {
            return told(FacesMessage.SEVERITY_WARN, labels().format("mailboxes.switch.refused", domain));
        }
    }

    public String switchToFeed() {
        if (disposal == null) {
            return atField(SWITCH_BACK_FORM, Field.DISPOSAL, "mailboxes.switchBack.chooseDisposal");
        }
        if (disposal == StoredMailDisposal.DELETE && !fetchConfirmed) {
            return atField(SWITCH_BACK_FORM, Field.FETCH_CONFIRMED, "mailboxes.switchBack.confirmFetched");
        }
        try {
            ModeChange.ToFeed switched = modeSwitch.toFeed(domain, disposal, caller.getName());
            String key = disposal == StoredMailDisposal.DELIVER ? "mailboxes.switched.toFeedDelivering"
                    : "mailboxes.switched.toFeedDeleting";
            return told(FacesMessage.SEVERITY_INFO, labels().format(key, switched.domain(), view.destination(),
                    switched.mailboxesDeleted(), switched.messagesRequeued(), switched.messagesDeleted()));
        } catch (ModeSwitchRefused refused) {
            return told(FacesMessage.SEVERITY_WARN, labels().format("mailboxes.switch.refused", domain));
        }
    }

    public String create() {
        try {
            MailboxCreated created = administration.create(domain, localPart, catchAll, caller.getName());
            FacesContext.getCurrentInstance().getExternalContext().getFlash()
                    .put(ShownPassword.FLASH_KEY, new ShownPassword(created.address(), created.password()));
            return told(FacesMessage.SEVERITY_INFO, labels().format("mailboxes.created", created.address()));
        } catch (MailboxRefused refused) {
            return atField(CREATE_FORM, Field.LOCAL_PART, "mailboxes.refused." + refused.getReason().name());
        }
    }

    public String resetPassword(MailboxRow row) {
        String password = administration.resetPassword(row.id(), caller.getName());
        FacesContext.getCurrentInstance().getExternalContext().getFlash()
                .put(ShownPassword.FLASH_KEY, new ShownPassword(row.address(), password));
        return told(FacesMessage.SEVERITY_INFO, labels().format("mailboxes.passwordReset", row.address()));
    }

    public String makeCatchAll(MailboxRow row) {
        administration.setCatchAll(row.id(), true, caller.getName());
        return told(FacesMessage.SEVERITY_INFO, labels().format("mailboxes.catchAllSet", row.address()));
    }

    public String clearCatchAll(MailboxRow row) {
        administration.setCatchAll(row.id(), false, caller.getName());
        return told(FacesMessage.SEVERITY_INFO, labels().format("mailboxes.catchAllCleared", row.address()));
    }

    public String delete(MailboxRow row) {
        int messages = administration.delete(row.id(), caller.getName());
        return told(FacesMessage.SEVERITY_INFO, labels().format("mailboxes.deleted", row.address(), messages));
    }

    /** A confirmation's question, naming what it is about (and a count, where it has one). */
    public String confirmation(String key, String subject, Object count) {
        return labels().format(key, subject, count);
    }

    public List<StoredMailDisposal> getDisposals() {
        return List.of(StoredMailDisposal.values());
    }

    public DomainMailboxes.View getView() {
        return view;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getLocalPart() {
        return localPart;
    }

    public void setLocalPart(String localPart) {
        this.localPart = localPart;
    }

    public boolean isCatchAll() {
        return catchAll;
    }

    public void setCatchAll(boolean catchAll) {
        this.catchAll = catchAll;
    }

    public StoredMailDisposal getDisposal() {
        return disposal;
    }

    public void setDisposal(StoredMailDisposal disposal) {
        this.disposal = disposal;
    }

    public boolean isFetchConfirmed() {
        return fetchConfirmed;
    }

    public void setFetchConfirmed(boolean fetchConfirmed) {
        this.fetchConfirmed = fetchConfirmed;
    }

    /** Says what is wrong at the field, and shows the page again as it was. */
    private static String atField(String form, Field field, String key) {
        PageMessages.atField(form, field, labels().text(key));
        return null;
    }

    /** Says what happened, and shows the domain's page again. */
    private static String told(FacesMessage.Severity severity, String text) {
        PageMessages.afterRedirect(severity, text);
        return "/staff/mailboxes?faces-redirect=true&includeViewParams=true";
    }

    private static Labels labels() {
        return Labels.of(FacesContext.getCurrentInstance());
    }
}
