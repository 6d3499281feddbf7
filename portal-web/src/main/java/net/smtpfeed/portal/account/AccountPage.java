package net.smtpfeed.portal.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Objects;
import net.smtpfeed.domain.customer.PasswordRule;
import net.smtpfeed.portal.faces.PageMessages;
import net.smtpfeed.portal.format.Labels;
import net.smtpfeed.portal.security.Caller;

/** /account.xhtml: any logged-in user changes their own password. */
@Named
@RequestScoped
public class AccountPage {

    @Inject
    private PasswordChange passwordChange;

    @Inject
    private Caller caller;

    private String currentPassword;
    private String newPassword;
    private String repeated;

    public String changePassword() {
        Labels labels = Labels.of(FacesContext.getCurrentInstance());
        if (!Objects.equals(newPassword, repeated)) {
            return refused("password:repeated", labels.text("password.NOT_REPEATED"));
        }
        return switch (passwordChange.change(caller.getName(), currentPassword, newPassword)) {
            case CHANGED -> {
                PageMessages.afterRedirect(FacesMessage.SEVERITY_INFO, labels.text("account.passwordChanged"));
                yield "/account?faces-redirect=true";
            }
            case WRONG_CURRENT_PASSWORD -> refused("password:current", labels.text("account.wrongCurrentPassword"));
            case TOO_SHORT -> refused("password:new", labels.format("password.TOO_SHORT", PasswordRule.MINIMUM_LENGTH));
            case SAME_AS_USERNAME -> refused("password:new", labels.text("password.SAME_AS_USERNAME"));
        };
    }

    public int getMinimumLength() {
        return PasswordRule.MINIMUM_LENGTH;
    }

    private static String refused(String clientId, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        faces.validationFailed();
        return null;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeated() {
        return repeated;
    }

    public void setRepeated(String repeated) {
        this.repeated = repeated;
    }
}
