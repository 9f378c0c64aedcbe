package org.declass.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The canonical form of an entry and the hash chain. Documented in docs/audit.md so that an outside tool can
 * recompute every hash:
 *
 * <pre>
 * canonical = JSON array, no spaces, fields in this order:
 *   [seq, at, actor, actor_roles, action, cable_id, cable_reference, paragraph, span_start, span_end, codes,
 *    marking_before, marking_after, note, request_id, client_address]
 *   and, ONLY when attempted_name is not null, a 17th element appended: attempted_name. Entries written before
 *   the field existed (and every entry but a failed sign-in) have it null, so their canonical form is the
 *   16-element array it always was and their stored hashes still verify.
 *   numbers as decimal integers, absent values as null, at as "yyyy-MM-ddTHH:mm:ss.SSSSSSZ" (UTC, microseconds),
 *   strings escaped exactly like Python's json.dumps(ensure_ascii=False): \" \\ \n \r \t \b \f, other control
 *   characters as backslash-u00xx (lower-case hex), everything else literal, encoded as UTF-8.
 * hash      = lower-case hex SHA-256 of UTF-8(prev_hash + "\n" + canonical)
 * prev_hash = the previous entry's hash; for seq 1 sixty-four zeros.
 * </pre>
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private AuditChain() {
    }

    /** The time as stored: truncated to microseconds, the precision both databases keep. */
    public static Instant storedTime(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    public static String formatAt(Instant at) {
        // hand-rolled equivalent of AT.format(at) for years 0000-9999: verification formats a million of these
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return AT.format(at);
        }
        char[] c = new char[27];
        pad(c, 0, year, 4);
        c[4] = '-';
        pad(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        pad(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        pad(c, 11, t.getHour(), 2);
        c[13] = ':';
        pad(c, 14, t.getMinute(), 2);
        c[16] = ':';
        pad(c, 17, t.getSecond(), 2);
        c[19] = '.';
        pad(c, 20, at.getNano() / 1000, 6);
        c[26] = 'Z';
        return new String(c);
    }

    private static void pad(char[] c, int offset, int value, int width) {
        for (int i = offset + width - 1; i >= offset; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    public static String canonical(AuditRecord r) {
        StringBuilder sb = new StringBuilder(256);
        sb.append('[').append(r.seq());
        str(sb, formatAt(r.at()));
        str(sb, r.actor());
        str(sb, r.actorRoles());
        str(sb, r.action());
        num(sb, r.cableId());
        str(sb, r.cableReference());
        num(sb, r.paragraph());
        num(sb, r.spanStart());
        num(sb, r.spanEnd());
        str(sb, r.codes());
        str(sb, r.markingBefore());
        str(sb, r.markingAfter());
        str(sb, r.note());
        str(sb, r.requestId());
        str(sb, r.clientAddress());
        if (r.attemptedName() != null) {
            str(sb, r.attemptedName());
        }
        return sb.append(']').toString();
    }

    /** SHA-256 of prevHash + "\n" + canonical, lower-case hex. */
    public static String hash(String prevHash, String canonical) {
        MessageDigest sha = sha256();
        sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) '\n');
        sha.update(canonical.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Whether the record's stored hash is the hash of its own stored prev_hash and content. */
    public static boolean selfConsistent(AuditRecord r) {
        return r.hash() != null && r.prevHash() != null && r.hash().equals(hash(r.prevHash(), canonical(r)));
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private static MessageDigest sha256() {
        MessageDigest md = SHA256.get();
        md.reset();
        return md;
    }

    private static void num(StringBuilder sb, Number n) {
        sb.append(',');
        sb.append(n == null ? "null" : Long.toString(n.longValue()));
    }

    private static void str(StringBuilder sb, String s) {
        sb.append(',');
        if (s == null) {
            sb.append("null");
            return;
        }
        appendString(sb, s);
    }

    /** A JSON string literal, escaped as Python's json.dumps(ensure_ascii=False) escapes it. */
    static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
