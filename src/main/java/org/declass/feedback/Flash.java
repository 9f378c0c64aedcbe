package org.declass.feedback;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The message shown once after a form's redirect: a cookie, {@value #COOKIE}, naming a {@link Notice.Kind} and its
 * arguments, signed (HMAC-SHA-256 under the session key that every instance shares) and valid for
 * {@value #TTL_SECONDS} seconds. The next page read shows it and clears it ({@link FlashReader}). A cookie another
 * site or a crafted link could set carries no valid signature and is ignored: the page only ever shows one of the
 * fixed texts, with the arguments the server put there.
 */
@ApplicationScoped
public class Flash {

    public static final String COOKIE = "declass-flash";
    static final int TTL_SECONDS = 60;

    @ConfigProperty(name = "quarkus.http.auth.session.encryption-key")
    String key;

    Clock clock = Clock.systemUTC();

    /** A 303 to {@code location} that carries the notice. */
    public Response seeOther(String location, Notice notice) {
        return Response.seeOther(URI.create(location)).cookie(cookie(notice)).build();
    }

    /** The cookie that carries the notice to the next page. */
    public NewCookie cookie(Notice notice) {
        return new NewCookie.Builder(COOKIE).value(encode(key, notice, clock.instant().getEpochSecond() + TTL_SECONDS))
                .path("/").maxAge(TTL_SECONDS).httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
    }

    /** The notice a cookie value carries, when it is this server's, unchanged and not expired. */
    Optional<Notice> read(String value) {
        return decode(key, value, clock.instant().getEpochSecond());
    }

    static String encode(String key, Notice notice, long expires) {
        StringBuilder payload = new StringBuilder().append(expires).append('\n').append(notice.kind().name());
        for (String arg : notice.args()) {
            payload.append('\n').append(arg.replace('\n', ' '));
        }
        String body = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        return body + "." + sign(key, body);
    }

    /** The notice a cookie value carries when its signature holds and it has not expired. */
    static Optional<Notice> decode(String key, String value, long now) {
        if (value == null || value.length() > 3000) {
            return Optional.empty();
        }
        int dot = value.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String body = value.substring(0, dot);
        if (!MessageDigest.isEqual(sign(key, body).getBytes(StandardCharsets.US_ASCII),
                value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length < 2 || Long.parseLong(parts[0]) < now) {
                return Optional.empty();
            }
            Notice.Kind kind = Notice.Kind.valueOf(parts[1]);
            List<String> args = new ArrayList<>(List.of(parts).subList(2, parts.length));
            return Optional.of(new Notice(kind, args));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String sign(String key, String body) {
        return new HmacUtils(HmacAlgorithms.HMAC_SHA_256, key).hmacHex("flash\n" + body);
    }
}
