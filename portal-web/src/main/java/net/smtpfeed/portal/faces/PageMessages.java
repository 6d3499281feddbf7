package net.smtpfeed.portal.faces;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Locale;

/** What a page tells its user after a post: beside a field, or at the top of the page it redirects to. */
public final class PageMessages {

    private PageMessages() {
    }

    /** Shown by the page's p:messages after the redirect that follows a post. */
    public static void afterRedirect(FacesMessage.Severity severity, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(severity, text, null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }

    /**
     * Shown by the field's p:message when the page is rendered again with what the user typed. The field's component
     * has the id of its name in the domain, in lower case with dashes: DOMAIN is "domain", LOW_TEXT "low-text".
     */
    public static void atField(String formId, Enum<?> field, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(formId + ":" + field.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        faces.validationFailed();
    }
}
