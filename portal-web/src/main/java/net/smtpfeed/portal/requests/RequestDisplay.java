package net.smtpfeed.portal.requests;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Locale;

/**
 * How the request pages show a request's state and type: a label from the bundle and a badge. Feed requests and other
 * requests share their state names (submitted, in test, approved, rejected), and so their labels.
 */
@Named
@ApplicationScoped
public class RequestDisplay {

    /** The key of a state's label in the message bundle. */
    public String stateKey(Enum<?> state) {
        return "request.state." + name(state);
    }

    /** A state or type as the bundle's keys and the badges' classes write it: in_test, queue_extension. */
    public String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The CSS classes of a state's badge. */
    public String stateClass(Enum<?> state) {
        return "badge badge-" + name(state).replace('_', '-');
    }

    /** The key of a request type's label in the message bundle. */
    public String typeKey(Enum<?> type) {
        return "request.type." + name(type);
    }
}
