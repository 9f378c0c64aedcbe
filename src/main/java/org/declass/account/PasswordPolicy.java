package org.declass.account;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a password set by an administrator must satisfy (docs/operations.md, "User administration"). Each rule is a
 * named value that says why it refuses; {@link #problem} checks them in order and names the first that fails. A
 * message never quotes the password. The demo accounts' "demo" is seeded at start, not set through this policy.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    /** bcrypt reads no more than 72 bytes: a longer password would be cut without a word. */
    public static final int MAX_BYTES = 72;

    /** One rule: the reason it refuses a password for a user name, or empty when it accepts it. */
    @FunctionalInterface
    public interface Rule {
        Optional<String> refuse(String username, String password);
    }

    public static final Rule LONG_ENOUGH = (username, password) ->
            password.codePointCount(0, password.length()) < MIN_LENGTH
                    ? Optional.of("the password must have at least " + MIN_LENGTH + " characters") : Optional.empty();

    public static final Rule NOT_TOO_LONG_FOR_BCRYPT = (username, password) ->
            password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES
                    ? Optional.of("the password must have at most " + MAX_BYTES + " bytes (bcrypt reads no more)")
                    : Optional.empty();

    public static final Rule NOT_ONLY_SPACES = (username, password) -> password.isBlank()
            ? Optional.of("the password must not be only spaces") : Optional.empty();

    public static final Rule DOES_NOT_CONTAIN_THE_USER_NAME = (username, password) ->
            lower(password).contains(lower(username))
                    ? Optional.of("the password must not be or contain the user name") : Optional.empty();

    public static final Rule DOES_NOT_CONTAIN_THE_USER_NAME_REVERSED = (username, password) ->
            lower(password).contains(new StringBuilder(lower(username)).reverse().toString())
                    ? Optional.of("the password must not be or contain the user name reversed") : Optional.empty();

    public static final List<Rule> ALL = List.of(LONG_ENOUGH, NOT_TOO_LONG_FOR_BCRYPT, NOT_ONLY_SPACES,
            DOES_NOT_CONTAIN_THE_USER_NAME, DOES_NOT_CONTAIN_THE_USER_NAME_REVERSED);

    private PasswordPolicy() {
    }

    /** The first rule this password breaks for this (valid, lower-case) user name, or empty when it is acceptable. */
    public static Optional<String> problem(String username, String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("a password is required");
        }
        for (Rule rule : ALL) {
            Optional<String> refused = rule.refuse(username, password);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
