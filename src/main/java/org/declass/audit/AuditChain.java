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
        return AT.format(at);
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
