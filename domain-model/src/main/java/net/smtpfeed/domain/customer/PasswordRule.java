package net.smtpfeed.domain.customer;

import java.util.Locale;
import java.util.Optional;

/** What a new password must be: long enough, and not the user name. */
public final class PasswordRule {

    public static final int MINIMUM_LENGTH = 10;

    /** Why a password is refused. */
    public enum Problem {
        TOO_SHORT,
        SAME_AS_USERNAME
    }

    private PasswordRule() {
    }

    /** @return why the password may not be the user's, or empty when it may */
    public static Optional<Problem> check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
            return Optional.of(Problem.TOO_SHORT);
        }
        if (password.strip().toLowerCase(Locale.ROOT).equals(username.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of(Problem.SAME_AS_USERNAME);
        }
        return Optional.empty();
    }
}
