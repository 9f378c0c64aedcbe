package org.declass.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks checkpoints with HMAC-SHA256. The signed text is {@code "declass-audit-checkpoint-v1\n" + seq +
 * "\n" + headHash + "\n" + at} (at formatted as in the canonical form). The key id is the first 16 hex digits of
 * SHA-256(key), so that a verifier holding the wrong key says so instead of calling every checkpoint forged.
 */
public final class CheckpointSigner {

    private final byte[] key;
    private final String keyId;

    public CheckpointSigner(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("the audit checkpoint key must be at least 16 bytes");
        }
        this.key = key.clone();
        try {
            this.keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CheckpointSigner ofText(String key) {
        return new CheckpointSigner(key.getBytes(StandardCharsets.UTF_8));
    }

    public String keyId() {
        return keyId;
    }

    public AuditCheckpoint sign(long seq, String headHash, Instant at) {
        Instant stored = AuditChain.storedTime(at);
        return new AuditCheckpoint(seq, headHash, stored, mac(seq, headHash, stored), keyId);
    }

    public boolean valid(AuditCheckpoint c) {
        return keyId.equals(c.keyId()) && MessageDigest.isEqual(
                mac(c.seq(), c.headHash(), c.at()).getBytes(StandardCharsets.US_ASCII),
                c.signature().getBytes(StandardCharsets.US_ASCII));
    }

    static String signedText(long seq, String headHash, Instant at) {
        return "declass-audit-checkpoint-v1\n" + seq + "\n" + headHash + "\n" + AuditChain.formatAt(at);
    }

    private String mac(long seq, String headHash, Instant at) {
        return macHex(signedText(seq, headHash, at));
    }

    /**
     * The signature of a backup's manifest (backup.BackupArchive): HMAC-SHA256 under this key of
     * {@code "declass-backup-manifest-v1\n"} followed by the manifest's bytes as UTF-8 text. The tag keeps it apart
     * from checkpoint signatures and name fingerprints.
     */
    public String backupManifestSignature(byte[] manifest) {
        return macHex("declass-backup-manifest-v1\n" + new String(manifest, StandardCharsets.UTF_8));
    }

    /** Whether {@code signature} is {@link #backupManifestSignature} of the manifest, compared in constant time. */
    public boolean validBackupManifest(byte[] manifest, String signature) {
        return signature != null && MessageDigest.isEqual(
                backupManifestSignature(manifest).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Lower-case hex HMAC-SHA256 of the UTF-8 text under this key. Besides checkpoints, the sign-in audit's name
     * fingerprints use it ({@link AttemptedName}); their texts begin with a tag of their own
     * ({@code declass-sign-in-name-v1}), so that no fingerprint is ever the signature of a checkpoint's text.
     */
    String macHex(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
