package net.smtpfeed.portal.users;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import net.smtpfeed.domain.customer.PortalUser;
import net.smtpfeed.domain.customer.Team;
import net.smtpfeed.domain.mail.EmailAddress;
import net.smtpfeed.portal.faces.PageMessages;
import net.smtpfeed.portal.format.Labels;
import net.smtpfeed.portal.kb.MailtoLink;
import net.smtpfeed.portal.security.Caller;

/**
 * /customer/users.xhtml (a customer administrator: the customer's users) and /staff/users.xhtml (an administrator: the
 * staff). Whose users they are is {@link UserAdministration}'s, from the caller. Each action posts, says what happened
 * and shows the page again; a new invitation's link is shown once, on that next page.
 */
@Named
@ViewScoped
public class UsersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The flash entry that carries a new invitation's link to the page after the redirect, and no further. */
    static final String NEW_INVITATION = "newInvitation";

    @Inject
    private UserAdministration administration;

    @Inject
    private Caller caller;

    private List<PortalUser> users;
    private String email;
    private String displayName;

    @PostConstruct
    void load() {
        users = administration.members();
    }

    public String invite() {
        Labels labels = labels();
        try {
            EmailAddress.parse(email);
        } catch (IllegalArgumentException notAnAddress) {
            return refusedAt("invite:email", labels.text("users.invite.badEmail"));
        }
        if (displayName == null || displayName.isBlank()) {
            return refusedAt("invite:name", labels.text("users.invite.nameRequired"));
        }
        Optional<String> token = administration.invite(email, displayName);
        if (token.isEmpty()) {
            return refusedAt("invite:email", labels.format("users.invite.exists", email.strip()));
        }
        String link = invitationLink(token.get());
        String mailto = MailtoLink.to(email.strip(), labels.text("users.invite.mailSubject"),
                labels.format("users.invite.mailBody", displayName.strip(), link, getInvitationDays()));
        FacesContext.getCurrentInstance().getExternalContext().getFlash()
                .put(NEW_INVITATION, new NewInvitation(email.strip(), link, mailto));
        return told(FacesMessage.SEVERITY_INFO, labels.format("users.invited", email.strip()));
    }

    public String remove(PortalUser user) {
        return told(administration.remove(user.getId()), user, "users.removed");
    }

    public String makeAdministrator(PortalUser user) {
        return told(administration.changeRole(user.getId(), true), user, "users.madeAdministrator");
    }

    public String makeUser(PortalUser user) {
        return told(administration.changeRole(user.getId(), false), user, "users.madeUser");
    }

    public boolean isSelf(PortalUser user) {
        return user.getUsername().equals(caller.getName());
    }

    /** How long a new invitation link works. */
    public long getInvitationDays() {
        return administration.getInvitationValidity().toDays();
    }

    public List<PortalUser> getUsers() {
        return users;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    private String told(Team.Outcome outcome, PortalUser user, String doneKey) {
        Labels labels = labels();
        return switch (outcome) {
            case DONE -> told(FacesMessage.SEVERITY_INFO, labels.format(doneKey, user.getUsername()));
            case UNCHANGED -> told(FacesMessage.SEVERITY_INFO, labels.format("users.unchanged", user.getUsername()));
            case NOT_FOUND -> told(FacesMessage.SEVERITY_WARN, labels.format("users.gone", user.getUsername()));
            case SELF -> told(FacesMessage.SEVERITY_WARN, labels.text("users.notSelf"));
            case LAST_ADMINISTRATOR -> told(FacesMessage.SEVERITY_WARN, labels.text("users.lastAdministrator"));
        };
    }

    private static String told(FacesMessage.Severity severity, String text) {
        PageMessages.afterRedirect(severity, text);
        return FacesContext.getCurrentInstance().getViewRoot().getViewId() + "?faces-redirect=true";
    }

    private static String refusedAt(String clientId, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        faces.validationFailed();
        return null;
    }

    private static String invitationLink(String token) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String port = (external.getRequestScheme().equals("http") && external.getRequestServerPort() == 80)
                || (external.getRequestScheme().equals("https") && external.getRequestServerPort() == 443)
                ? "" : ":" + external.getRequestServerPort();
        return external.getRequestScheme() + "://" + external.getRequestServerName() + port
                + external.getRequestContextPath() + "/invitation.xhtml?token=" + token;
    }

    private static Labels labels() {
        return Labels.of(FacesContext.getCurrentInstance());
    }

    /** What the page shows once after an invitation: the link to hand over, and a mail that carries it. */
    public record NewInvitation(String email, String link, String mailto) implements Serializable {
    }
}
