package net.smtpfeed.domain.request;

import java.util.Optional;

/** Why someone asks or refuses: free text a person wrote, required, and short enough to store and to read. */
public final class Reason {

    public static final int MAX_LENGTH = 1000;

    public enum Problem {
        REASON_MISSING,
        REASON_TOO_LONG
    }

    private Reason() {
    }

    /** What is wrong with the text as a reason, if anything. */
    public static Optional<Problem> problemOf(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(Problem.REASON_MISSING);
        }
        return text.strip().length() > MAX_LENGTH ? Optional.of(Problem.REASON_TOO_LONG) : Optional.empty();
    }

    /**
     * @return the text without surrounding white space
     * @throws IllegalArgumentException when it is no reason (see {@link #problemOf})
     */
    public static String of(String text) {
        problemOf(text).ifPresent(problem -> {
            throw new IllegalArgumentException("not a reason (" + problem + "): " + text);
        });
        return text.strip();
    }
}
