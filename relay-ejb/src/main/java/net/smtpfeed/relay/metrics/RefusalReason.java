package net.smtpfeed.relay.metrics;

/**
 * Why the relay refused a command, as a metric label: a small fixed set, told apart by the reply the client got, so
 * that no address or domain ever becomes a label.
 */
public enum RefusalReason {
    RELAYING_DENIED,
    GREYLISTED,
    VIRUS,
    SIZE,
    /** Too many recipients or hops. */
    LIMITS,
    /** A malformed sender or recipient address. */
    SYNTAX,
    /** Our side could not decide in time (scanner or database unavailable): the client is asked to retry. */
    TEMPORARY_FAILURE,
    OTHER;

    /** The reason behind a refusal reply: its code and text, such as 550 and "5.7.1 relaying denied". */
    public static RefusalReason of(int code, String text) {
        String reply = text == null ? "" : text;
        if (code == 552 || reply.startsWith("5.3.4")) {
            return SIZE;
        }
        if (reply.startsWith("4.7.1 greylisted")) {
            return GREYLISTED;
        }
        if (reply.startsWith("5.7.1 relaying denied")) {
            return RELAYING_DENIED;
        }
        if (reply.startsWith("5.7.1 message refused: virus")) {
            return VIRUS;
        }
        if (reply.startsWith("4.5.3") || reply.startsWith("5.4.6")) {
            return LIMITS;
        }
        if (code == 501) {
            return SYNTAX;
        }
        if (code == 451) {
            return TEMPORARY_FAILURE;
        }
        return OTHER;
    }

    /** The label value: lower case, as Prometheus labels usually are. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
