package org.declass.audit;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A user name typed at a failed sign-in, as the trail may show it. What was typed is never kept: only its length
 * and its keyed fingerprint, computed at once. When the flush writes the entry, the fingerprint is compared with
 * those of the existing accounts' names:
 * <ul>
 * <li>the name of an existing account (compared lower-cased, as {@code User.add} stores names): that account's
 * name, as stored;</li>
 * <li>anything else: {@code unknown name (N characters, fingerprint xxxxxxxx)}, never the string itself, so that a
 * password typed into the name field, a look-alike of an account ({@code аpprover} with a Cyrillic a) or
 * {@code system:release} is not shown as a name;</li>
 * <li>nothing typed: {@code no name}.</li>
 * </ul>
 * The fingerprint is the first 8 hex digits of HMAC-SHA256, under the audit checkpoint key, of
 * {@code "declass-sign-in-name-v1\n" + the name lower-cased}: the same name gives the same fingerprint on every
 * instance sharing the key (so attempts can be correlated across instances and days), and without the key nobody
 * can test guesses of what was typed against it. N counts the characters (code points) as typed.
 */
final class AttemptedName {

    static final String DOMAIN = "declass-sign-in-name-v1\n";
    static final String NO_NAME = "no name";
    /** Control, format (bidi overrides, zero-width), line and paragraph separator characters. */
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");

    /** The full HMAC, lower-case hex; null when nothing was typed. */
    private final String mac;
    private final int length;

    private AttemptedName(String mac, int length) {
        this.mac = mac;
        this.length = length;
    }

    /** Fingerprints what was typed and forgets it. */
    static AttemptedName of(String typed, CheckpointSigner key) {
        if (typed == null || typed.isEmpty()) {
            return new AttemptedName(null, 0);
        }
        return new AttemptedName(key.macHex(DOMAIN + lower(typed)), typed.codePointCount(0, typed.length()));
    }

    /** The fingerprints of these accounts' names, mapped to the names as stored. */
    static Map<String, String> accounts(Collection<String> usernames, CheckpointSigner key) {
        Map<String, String> byMac = new HashMap<>(usernames.size() * 2);
        for (String u : usernames) {
            if (u != null && !u.isEmpty()) {
                byMac.put(key.macHex(DOMAIN + lower(u)), u);
            }
        }
        return byMac;
    }

    /** What identifies the name among others (equal for names equal when lower-cased). */
    String key() {
        return mac == null ? "" : mac;
    }

    boolean empty() {
        return mac == null;
    }

    /** The first 8 hex digits of the fingerprint. */
    String fingerprint() {
        return mac == null ? "" : mac.substring(0, 8);
    }

    /** As the trail shows it, given the fingerprints of the existing accounts ({@link #accounts}). */
    String shown(Map<String, String> accounts) {
        if (mac == null) {
            return NO_NAME;
        }
        String account = accounts.get(mac);
        if (account != null) {
            return printable(account);
        }
        return "unknown name (" + length + (length == 1 ? " character" : " characters") + ", fingerprint "
                + fingerprint() + ")";
    }

    /**
     * The names shown, joined with "; ", as many of them as fit in {@code max} characters together with the tail
     * "and N more" naming the distinct names left out ({@code more} of them beyond the list, "at least" when the
     * count stopped at its cap).
     */
    static String list(List<String> shown, int more, boolean moreIsLowerBound, int max) {
        int total = shown.size() + more;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shown.size(); i++) {
            String candidate = (sb.isEmpty() ? "" : sb + "; ") + shown.get(i);
            int left = total - i - 1;
            String tail = left == 0 ? "" : tail(left, moreIsLowerBound);
            if (candidate.length() + tail.length() > max) {
                return sb.isEmpty() ? tail(total, moreIsLowerBound).substring(2) : sb + tail(total - i,
                        moreIsLowerBound);
            }
            sb.setLength(0);
            sb.append(candidate);
        }
        return more == 0 ? sb.toString() : sb + tail(more, moreIsLowerBound);
    }

    private static String tail(int n, boolean lowerBound) {
        return "; and " + (lowerBound ? "at least " : "") + n + " more";
    }

    /** The text without control, format or separator characters. */
    static String printable(String s) {
        return s == null ? null : UNPRINTABLE.matcher(s).replaceAll("");
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
