package net.smtpfeed.portal.mailbox;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Optional;
import net.smtpfeed.domain.mailbox.MailboxPassword;
import net.smtpfeed.domain.mailbox.MailboxRefused;
import net.smtpfeed.domain.mailbox.MailboxScope;
import net.smtpfeed.portal.faces.PageMessages;
import net.smtpfeed.portal.faces.RequestedId;
import net.smtpfeed.portal.format.Labels;
import net.smtpfeed.portal.security.Caller;
import net.smtpfeed.portal.security.CallerCustomer;
import net.smtpfeed.relay.mailbox.MailboxAdministration;

/**
 * /customer/mailbox-password.xhtml?mailbox=ID: the customer chooses a new password for one of their mailboxes, typed
 * twice, at least {@link MailboxPassword#MINIMUM_LENGTH} characters. Another customer's mailbox answers 404.
 */
@Named
@ViewScoped
public class MailboxPasswordPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String FORM = "password-form";

    /** The form fields a problem is shown at (PageMessages names their components). */
    private enum Field {
        PASSWORD,
        REPEATED
    }

    @Inject
    private CustomerMailboxes mailboxes;

    @Inject
    private MailboxAdministration administration;

    @Inject
    private CallerCustomer callerCustomer;

    @Inject
    private Caller caller;

    private String mailbox;
    private MailboxRow row;
    private String password;
    private String repeated;

    public void load() throws IOException {
        Optional<MailboxRow> found = RequestedId.parse(mailbox).flatMap(id -> mailboxes.find(id, scope()));
        if (found.isEmpty()) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().responseSendError(404, "No such mailbox among yours");
            faces.responseComplete();
            return;
        }
        row = found.get();
    }

    public String change() {
        Labels labels = Labels.of(FacesContext.getCurrentInstance());
        if (password == null || password.length() < MailboxPassword.MINIMUM_LENGTH) {
            return problem(Field.PASSWORD, labels.format("mailboxPassword.tooShort", MailboxPassword.MINIMUM_LENGTH));
        }
        if (!password.equals(repeated)) {
            return problem(Field.REPEATED, labels.text("mailboxPassword.mismatch"));
        }
        char[] chosen = password.toCharArray();
        try {
            administration.changePassword(row.id(), scope(), chosen, caller.getName());
        } catch (MailboxRefused refused) {
            return problem(Field.PASSWORD, labels.text("mailboxes.refused." + refused.getReason().name()));
        } finally {
            Arrays.fill(chosen, '\0');
            password = null;
            repeated = null;
        }
        PageMessages.afterRedirect(FacesMessage.SEVERITY_INFO, labels.format("mailboxPassword.changed", row.address()));
        return "/customer/mailboxes?faces-redirect=true";
    }

    public int getMinimumLength() {
        return MailboxPassword.MINIMUM_LENGTH;
    }

    public MailboxRow getRow() {
        return row;
    }

    public String getMailbox() {
        return mailbox;
    }

    public void setMailbox(String mailbox) {
        this.mailbox = mailbox;
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

    private MailboxScope scope() {
        return MailboxScope.customer(callerCustomer.id());
    }

    private static String problem(Field field, String text) {
        PageMessages.atField(FORM, field, text);
        return null;
    }
}
