package net.smtpfeed.portal.requests;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongFunction;
import net.smtpfeed.domain.request.Reason;
import net.smtpfeed.portal.faces.PageMessages;
import net.smtpfeed.portal.faces.RequestedId;
import net.smtpfeed.portal.format.Labels;

/**
 * What the two review pages of a request (a feed request, another request) do alike: find the request of the query
 * string or answer 404, check a rejection's reason at its field, and after an action say how it went and show the
 * request again.
 */
final class Review {

    /** The decision form's id and its reason field, for the message at the field. */
    private static final String FORM = "decision";

    private enum Field {
        REASON
    }

    private Review() {
    }

    /** The id in the query string, or a 404 for anything that names no request. */
    static <T> Optional<T> find(String rawId, LongFunction<Optional<T>> lookup) throws IOException {
        Optional<T> found = RequestedId.parse(rawId).flatMap(lookup::apply);
        if (found.isEmpty()) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().responseSendError(404, "No such request");
            faces.responseComplete();
        }
        return found;
    }

    /** @return whether the reason will do; if not, the problem is shown at the reason field */
    static boolean reasonGiven(String reason) {
        Optional<Reason.Problem> problem = Reason.problemOf(reason);
        problem.ifPresent(p -> PageMessages.atField(FORM, Field.REASON,
                labels().text("review.problem." + p.name())));
        return problem.isEmpty();
    }

    /**
     * Says how the action went (the text for DONE is the caller's) and shows the request's page again.
     *
     * @return the navigation to the page, after the post
     */
    static String after(RequestInbox.Outcome outcome, String done, String page, long id) {
        if (outcome == RequestInbox.Outcome.DONE) {
            PageMessages.afterRedirect(FacesMessage.SEVERITY_INFO, done);
        } else {
            PageMessages.afterRedirect(FacesMessage.SEVERITY_WARN,
                    labels().text("review.outcome." + outcome.name().toLowerCase(Locale.ROOT)));
        }
        return page + "?faces-redirect=true&id=" + id;
    }

    static Labels labels() {
        return Labels.of(FacesContext.getCurrentInstance());
    }
}
