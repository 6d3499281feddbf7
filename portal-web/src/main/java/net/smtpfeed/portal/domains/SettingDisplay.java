package net.smtpfeed.portal.domains;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.ResourceBundle;
import net.smtpfeed.domain.hosting.MailSettings;

/**
 * How a domain's audit history names a setting and writes its values: by the bundle's labels where it has them
 * (setting.NAME, on and off, an action's label), otherwise as the log wrote them, so that an entry someone else
 * records about the domain (staff, a request) still reads sensibly.
 */
@Named
@ApplicationScoped
public class SettingDisplay {

    public String label(String change) {
        return labelled("setting." + change, change);
    }

    public String value(String change, String value) {
        if (value == null) {
            return "";
        }
        if (change.endsWith(".action")) {
            return labelled("spam.action." + value.toLowerCase(Locale.ROOT), value);
        }
        if (change.equals(MailSettings.GREYLISTING) || change.equals(MailSettings.SPAM_CHECKING)) {
            return labelled("setting.value." + value, value);
        }
        return value;
    }

    private static String labelled(String key, String otherwise) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle labels = faces.getApplication().getResourceBundle(faces, "msg");
        return labels.containsKey(key) ? labels.getString(key) : otherwise;
    }
}
