package org.declass.signin;

import java.time.Clock;
import java.util.OptionalLong;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps, what every authenticator app
 * reads), through the dev.samstevens.totp library. A code is accepted for the step before, the current and the
 * step after (clock drift), and only for a step later than the last one accepted: a code works once.
 */
public final class Totp {

    public static final int PERIOD_SECONDS = 30;
    public static final int DIGITS = 6;

    private static final DefaultCodeGenerator GENERATOR = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

    private Totp() {
    }

    /** A new random secret, Base32 (160 bits). */
    public static String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    /** The code of a time step (tests and the verifier). */
    public static String code(String secret, long step) {
        try {
            return GENERATOR.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalArgumentException("not a valid TOTP secret", e);
        }
    }

    /** The current time step of a clock. */
    public static long step(Clock clock) {
        return Math.floorDiv(clock.instant().getEpochSecond(), PERIOD_SECONDS);
    }

    /**
     * The time step the code belongs to, when it is right for this secret within one step of now and later than
     * {@code lastStep} (null: none used yet); empty otherwise.
     */
    public static OptionalLong verify(String secret, String code, Long lastStep, Clock clock) {
        if (secret == null || code == null) {
            return OptionalLong.empty();
        }
        String digits = code.replace(" ", "").trim();
        if (!digits.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long now = step(clock);
        for (long s = now - 1; s <= now + 1; s++) {
            if (lastStep != null && s <= lastStep) {
                continue;
            }
            if (java.security.MessageDigest.isEqual(code(secret, s).getBytes(), digits.getBytes())) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    /** The otpauth:// URI an authenticator app reads from the enrolment QR code. */
    public static String uri(String secret, String account, String issuer) {
        return new QrData.Builder().label(account).secret(secret).issuer(issuer).algorithm(HashingAlgorithm.SHA1)
                .digits(DIGITS).period(PERIOD_SECONDS).build().getUri();
    }

    /** The enrolment QR code as a data: URI of a PNG image. */
    public static String qrDataUri(String secret, String account, String issuer) {
        QrData data = new QrData.Builder().label(account).secret(secret).issuer(issuer)
                .algorithm(HashingAlgorithm.SHA1).digits(DIGITS).period(PERIOD_SECONDS).build();
        ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
        try {
            return Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("cannot draw the QR code", e);
        }
    }
}
