package net.smtpfeed.portal.faces;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The address of a list page under a filter, with only the filter's fields that are filled in, so that a filtered list
 * can be bookmarked, shared and reloaded.
 */
public final class FilterAddress {

    private final String page;
    private final Map<String, List<String>> parameters = new LinkedHashMap<>();

    private FilterAddress(String page) {
        this.page = page;
    }

    /** @param page the page's path within the portal, such as /customer/messages.xhtml */
    public static FilterAddress of(String page) {
        return new FilterAddress(page);
    }

    /** Adds the field when it holds something other than blanks; any value's text is its toString(). */
    public FilterAddress with(String name, Object value) {
        String text = value == null ? null : value.toString().strip();
        if (text != null && !text.isEmpty()) {
            parameters.put(name, List.of(text));
        }
        return this;
    }

    /** Whether no field of the filter is filled in: the whole list. */
    public boolean isEmpty() {
        return parameters.isEmpty();
    }

    /** Sends the browser there. */
    public void redirect() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.encodeRedirectURL(external.getRequestContextPath() + page, parameters));
    }
}
