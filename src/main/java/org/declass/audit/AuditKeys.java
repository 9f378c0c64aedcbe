package org.declass.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.declass.security.PrivateFiles;

/**
 * Where the checkpoint key comes from: {@code declass.audit.checkpoint-key} (the DECLASS_AUDIT_KEY environment
 * variable in production) when set; otherwise the key file {@code <data-dir>/audit-checkpoint.key}, created on
 * first start with 32 random bytes and permissions 0600. The key file is the fallback for a single machine; with
 * it, whoever can read the data directory can also re-sign checkpoints, so production keeps the key elsewhere.
 */
public final class AuditKeys {

    public static final String KEY_FILE = "audit-checkpoint.key";

    private AuditKeys() {
    }

    public static CheckpointSigner load(String configuredKey, Path dataDir, boolean createIfMissing) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            return CheckpointSigner.ofText(configuredKey.trim());
        }
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                if (!createIfMissing) {
                    throw new IllegalStateException("no audit checkpoint key: set DECLASS_AUDIT_KEY or provide "
                            + file);
                }
                create(file);
            }
            return CheckpointSigner.ofText(Files.readString(file, StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the audit checkpoint key " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n";
        try {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, key, StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException e) {
            // another instance created it first; use theirs
        }
    }
}
