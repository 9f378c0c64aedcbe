package org.declass.account;

/**
 * An account request the administration refuses, before it changes anything. This class itself is bad input (400:
 * a user name's syntax, an unknown role or clearance, the password policy); the nested kinds are 403, 404 and 409.
 * Each kind carries its status, so that the pages can show the form again with the message under that status; the
 * one error mapping (web.ErrorMappers.KINDS) lists the same statuses for the API.
 */
public class AccountRefused extends RuntimeException {

    public AccountRefused(String message) {
        super(message);
    }

    public int status() {
        return 400;
    }

    /** Nobody raises their own clearance or roles; an administrator manages no account cleared above them. 403. */
    public static class NotPermitted extends AccountRefused {
        public NotPermitted(String message) {
            super(message);
        }

        @Override
        public int status() {
            return 403;
        }
    }

    /** No account of that name. 404. */
    public static class NotFound extends AccountRefused {
        public NotFound(String username) {
            super("no account '" + username + "'");
        }

        @Override
        public int status() {
            return 404;
        }
    }

    /**
     * The change conflicts with the accounts as they are: the name is taken, the account is managed by the identity
     * provider, or it would disable oneself or leave no enabled administrator. 409.
     */
    public static class Conflict extends AccountRefused {
        public Conflict(String message) {
            super(message);
        }

        @Override
        public int status() {
            return 409;
        }
    }
}
