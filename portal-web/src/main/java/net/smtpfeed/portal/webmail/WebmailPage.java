package net.smtpfeed.portal.webmail;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Optional;
import net.smtpfeed.domain.mailbox.MailboxScope;
import net.smtpfeed.portal.faces.DatabasePaging;
import net.smtpfeed.portal.faces.RequestedId;
import net.smtpfeed.portal.mailbox.CustomerMailboxes;
import net.smtpfeed.portal.mailbox.MailboxRow;
import net.smtpfeed.portal.security.CallerCustomer;
import org.primefaces.model.LazyDataModel;

/**
 * /customer/webmail.xhtml?mailbox=ID: the messages in one of the caller's mailboxes, newest first, a page at a time.
 * Another customer's mailbox, or none, answers 404 alike.
 */
@Named
@ViewScoped
public class WebmailPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Webmail webmail;

    @Inject
    private CustomerMailboxes mailboxes;

    @Inject
    private CallerCustomer callerCustomer;

    private String mailbox;
    private MailboxRow row;
    private LazyDataModel<MessageRow> messages;

    public void load() throws IOException {
        MailboxScope scope = MailboxScope.customer(callerCustomer.id());
        Optional<MailboxRow> found = RequestedId.parse(mailbox).flatMap(id -> mailboxes.find(id, scope));
        if (found.isEmpty()) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().responseSendError(404, "No such mailbox among yours");
            faces.responseComplete();
            return;
        }
        row = found.get();
        long id = row.id();
        messages = new DatabasePaging<>(() -> webmail.count(id, scope), (first, size) -> webmail.page(id, scope, first, size),
                MessageRow::id);
    }

    /** A message's size as a person reads it: bytes, KB or MB. */
    public String size(long bytes) {
        return Sizes.readable(bytes);
    }

    public String getMailbox() {
        return mailbox;
    }

    public void setMailbox(String mailbox) {
        this.mailbox = mailbox;
    }

    public MailboxRow getRow() {
        return row;
    }

    public LazyDataModel<MessageRow> getMessages() {
        return messages;
    }
}
