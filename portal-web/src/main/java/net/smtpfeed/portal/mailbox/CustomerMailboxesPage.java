package net.smtpfeed.portal.mailbox;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import net.smtpfeed.domain.mailbox.MailboxScope;
import net.smtpfeed.portal.security.CallerCustomer;

/** /customer/mailboxes.xhtml: the caller's temporary mailboxes, each leading to its webmail and its password. */
@Named
@RequestScoped
public class CustomerMailboxesPage {

    @Inject
    private CustomerMailboxes mailboxes;

    @Inject
    private CallerCustomer callerCustomer;

    private List<MailboxRow> rows;

    public List<MailboxRow> getRows() {
        if (rows == null) {
            rows = mailboxes.list(MailboxScope.customer(callerCustomer.id()));
        }
        return rows;
    }
}
