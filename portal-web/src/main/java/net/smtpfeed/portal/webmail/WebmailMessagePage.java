package net.smtpfeed.portal.webmail;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.smtpfeed.domain.mailbox.MailboxScope;
import net.smtpfeed.portal.faces.PageMessages;
import net.smtpfeed.portal.faces.RequestedId;
import net.smtpfeed.portal.format.Labels;
import net.smtpfeed.portal.security.CallerCustomer;
import net.smtpfeed.relay.mailbox.MailboxAdministration;

/**
 * /customer/webmail-message.xhtml?id=ID: one message of the caller's mailboxes, read (which marks it read), its HTML
 * sanitised and its remote images held back until the reader asks for them with images=show. Marked unread or deleted,
 * it leads back to its mailbox. Another customer's message, or none, answers 404 alike.
 */
@Named
@ViewScoped
public class WebmailMessagePage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The query parameter value by which the reader asks for remote images. */
    static final String SHOW_IMAGES = "show";

    @Inject
    private Webmail webmail;

    @Inject
    private MailboxAdministration administration;

    @Inject
    private CallerCustomer callerCustomer;

    private String id;
    private String images;
    private Webmail.OpenedMessage opened;
    private MailHtmlPolicy.Sanitized html;

    public void load() throws IOException {
        Optional<Webmail.OpenedMessage> found = RequestedId.parse(id).flatMap(messageId -> webmail.open(messageId, scope()));
        if (found.isEmpty()) {
            notFound();
            return;
        }
        opened = found.get();
        String body = opened.content().html();
        if (body != null) {
            String base = downloadUrl() + "&cid=";
            html = MailHtmlPolicy.sanitize(body, contentId -> base + URLEncoder.encode(contentId, StandardCharsets.UTF_8),
                    SHOW_IMAGES.equals(images));
        }
    }

    public String markUnread() throws IOException {
        Optional<Long> mailbox = webmail.markUnread(opened.row().id(), scope());
        return backToMailbox(mailbox, "webmail.markedUnread");
    }

    /** Deletes the message through the relay, which holds the domain meanwhile against a switch back to the feed. */
    public String delete() throws IOException {
        administration.deleteMessages(List.of(opened.row().id()), scope());
        // Gone either way: deleted now, or meanwhile (by a POP3 client, or with its mailbox).
        return backToMailbox(Optional.of(opened.row().mailboxId()), "webmail.deleted");
    }

    public Webmail.OpenedMessage getOpened() {
        return opened;
    }

    public MailContent getContent() {
        return opened.content();
    }

    /** The sanitised HTML body, or null for a message of plain text only. */
    public String getHtml() {
        return html == null ? null : html.html();
    }

    /** Whether the HTML had remote images that are not shown until the reader asks. */
    public boolean isRemoteImagesHeld() {
        return html != null && html.remoteImagesHeld();
    }

    public String size(long bytes) {
        return Sizes.readable(bytes);
    }

    /** The address of the whole message as an .eml file. */
    public String getEmlUrl() {
        return downloadUrl();
    }

    /** The address of one of the message's parts, by its number. */
    public String partUrl(int part) {
        return downloadUrl() + "&part=" + part;
    }

    private String downloadUrl() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + WebmailDownloadServlet.PATH + "?message=" + opened.row().id();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getImages() {
        return images;
    }

    public void setImages(String images) {
        this.images = images;
    }

    public String getShowImages() {
        return SHOW_IMAGES;
    }

    private String backToMailbox(Optional<Long> mailbox, String key) throws IOException {
        if (mailbox.isEmpty()) {
            notFound();
            return null;
        }
        PageMessages.afterRedirect(FacesMessage.SEVERITY_INFO,
                Labels.of(FacesContext.getCurrentInstance()).format(key, opened.row().subject()));
        return "/customer/webmail?faces-redirect=true&mailbox=" + mailbox.get();
    }

    private MailboxScope scope() {
        return MailboxScope.customer(callerCustomer.id());
    }

    private static void notFound() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseSendError(404, "No such message in your mailboxes");
        faces.responseComplete();
    }
}
