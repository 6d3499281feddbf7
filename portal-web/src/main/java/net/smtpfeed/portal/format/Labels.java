package net.smtpfeed.portal.format;

import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The portal's labels in the language of the page, for what a bean says rather than what a page shows. */
public final class Labels {

    private final ResourceBundle bundle;
    private final Locale locale;

    public Labels(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The labels of the page being rendered or posted. */
    public static Labels of(FacesContext faces) {
        return new Labels(faces.getApplication().getResourceBundle(faces, "msg"), faces.getViewRoot().getLocale());
    }

    public String text(String key) {
        return bundle.getString(key);
    }

    /** A MessageFormat pattern of the bundle, filled in. */
    public String format(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }
}
