package net.smtpfeed.portal.kb;

import jakarta.faces.context.FacesContext;
import java.io.IOException;

/** Ends a page request whose id names nothing with a real 404, so that a stale bookmark is not indexed as a page. */
public final class NotFound {

    private NotFound() {
    }

    public static void respond(FacesContext faces) throws IOException {
        faces.getExternalContext().responseSendError(404, "No such page in the knowledge base");
        faces.responseComplete();
    }
}
