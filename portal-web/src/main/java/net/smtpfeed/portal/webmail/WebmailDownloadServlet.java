package net.smtpfeed.portal.webmail;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import net.smtpfeed.domain.mailbox.MailboxScope;
import net.smtpfeed.portal.faces.RequestedId;
import net.smtpfeed.portal.security.CallerCustomer;

/**
 * /customer/webmail/download?message=ID: the whole message as an .eml file; with part=N one of its parts as a file;
 * with cid=X the image an HTML body shows inline. Only the caller's own mail (404 for any other). Nothing served here
 * runs in the portal's origin: every response is sandboxed and never sniffed, and only a raster image is shown
 * inline; anything else (SVG and HTML included) is a download.
 */
@WebServlet(WebmailDownloadServlet.PATH)
public class WebmailDownloadServlet extends HttpServlet {

    static final String PATH = "/customer/webmail/download";

    private static final long serialVersionUID = 1L;

    private static final Set<String> INLINE_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    @Inject
    private Webmail webmail;

    @Inject
    private CallerCustomer callerCustomer;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Long> message = RequestedId.parse(request.getParameter("message"));
        if (message.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        MailboxScope scope = MailboxScope.customer(callerCustomer.id());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'");
        response.setHeader("Cache-Control", "private, no-store");
        String contentId = request.getParameter("cid");
        String part = request.getParameter("part");
        if (contentId == null && part == null) {
            whole(message.get(), scope, response);
            return;
        }
        Optional<MailContent.PartData> data = contentId != null
                ? webmail.part(message.get(), scope, 0, contentId)
                : RequestedId.parse(part).flatMap(index -> webmail.part(message.get(), scope, Math.toIntExact(index), null));
        if (data.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        MailContent.PartData found = data.get();
        boolean inline = contentId != null && INLINE_IMAGES.contains(found.contentType());
        response.setContentType(inline ? found.contentType() : "application/octet-stream");
        response.setHeader("Content-Disposition", disposition(inline ? "inline" : "attachment", found.filename()));
        response.setContentLength(found.bytes().length);
        response.getOutputStream().write(found.bytes());
    }

    private void whole(long message, MailboxScope scope, HttpServletResponse response) throws IOException {
        boolean found = webmail.download(message, scope, row -> {
            response.setContentType("message/rfc822");
            response.setHeader("Content-Disposition", disposition("attachment", filename(row)));
            response.setContentLengthLong(row.size());
            try {
                return response.getOutputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (!found) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** The subject as a file name, without what file systems refuse; "message" for a message without one. */
    static String filename(MessageRow row) {
        String subject = row.subject() == null ? "" : row.subject().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return (subject.isEmpty() ? "message-" + row.id() : subject.substring(0, Math.min(subject.length(), 100))) + ".eml";
    }

    /** RFC 6266: an ASCII fallback name and the exact one in UTF-8. */
    static String disposition(String type, String filename) {
        String ascii = filename.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_").replace("\\", "_");
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
