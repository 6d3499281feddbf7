package net.smtpfeed.relay.health;

/**
 * The first line of the innermost message of an exception chain: the database's or the network's own words, not the
 * connection pool's.
 */
public final class RootCause {

    private RootCause() {
    }

    public static String of(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage().lines().findFirst().orElse("").strip();
    }
}
