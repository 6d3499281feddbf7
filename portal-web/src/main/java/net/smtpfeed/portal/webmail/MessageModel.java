package net.smtpfeed.portal.webmail;

import java.util.List;
import java.util.Map;
import net.smtpfeed.domain.mailbox.MailboxScope;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Pages one mailbox's messages out of the database as the table asks for them, newest first. */
class MessageModel extends LazyDataModel<MessageRow> {

    private static final long serialVersionUID = 1L;

    private final Webmail webmail;
    private final long mailboxId;
    private final MailboxScope scope;

    MessageModel(Webmail webmail, long mailboxId, MailboxScope scope) {
        this.webmail = webmail;
        this.mailboxId = mailboxId;
        this.scope = scope;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return Math.toIntExact(webmail.count(mailboxId, scope));
    }

    @Override
    public List<MessageRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return webmail.page(mailboxId, scope, first, pageSize);
    }

    @Override
    public String getRowKey(MessageRow row) {
        return String.valueOf(row.id());
    }
}
