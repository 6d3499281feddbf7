package net.smtpfeed.portal.users;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import net.smtpfeed.domain.customer.Invitation;
import net.smtpfeed.domain.customer.PasswordRule;
import net.smtpfeed.domain.customer.PortalUser;
import net.smtpfeed.portal.faces.PageMessages;
import net.smtpfeed.portal.format.Labels;

/**
 * /invitation.xhtml?token=...: an invitee chooses their password and can then log in. A link that is used up,
 * expired or made up answers 404, the same for each.
 */
@Named
@ViewScoped
public class InvitationPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private InvitationDesk desk;

    private String token;
    private String email;
    private String displayName;
    private String password;
    private String repeated;

    /** The view action, once the token is read from the address. */
    public void load() throws IOException {
        Optional<Invitation> invitation = desk.open(token);
        if (invitation.isEmpty()) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().responseSendError(404, "no open invitation");
            faces.responseComplete();
            return;
        }
        email = invitation.get().getEmail();
        displayName = invitation.get().getDisplayName();
    }

    public String accept() {
        Labels labels = Labels.of(FacesContext.getCurrentInstance());
        Optional<PasswordRule.Problem> problem = PasswordRule.check(email, password);
        if (problem.isPresent()) {
            return refused(labels.format("password." + problem.get().name(), PasswordRule.MINIMUM_LENGTH));
        }
        if (!Objects.equals(password, repeated)) {
            return refused(labels.text("password.NOT_REPEATED"));
        }
        Optional<PortalUser> user = desk.accept(token, password);
        if (user.isEmpty()) {
            PageMessages.afterRedirect(FacesMessage.SEVERITY_WARN, labels.text("invitation.gone"));
            return "/login?faces-redirect=true";
        }
        PageMessages.afterRedirect(FacesMessage.SEVERITY_INFO, labels.format("invitation.accepted", user.get().getUsername()));
        return "/login?faces-redirect=true";
    }

    private static String refused(String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage("invitation:password", new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        faces.validationFailed();
        return null;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRepeated() {
        return repeated;
    }

    public void setRepeated(String repeated) {
        this.repeated = repeated;
    }
}
