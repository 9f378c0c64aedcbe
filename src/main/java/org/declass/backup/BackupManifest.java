package org.declass.backup;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code manifest.json} of a backup: when and from what it was taken, the state of the audit trail it holds, and the
 * size and SHA-256 of every other file of the archive. {@code manifest.sig} beside it signs these exact bytes with
 * the audit checkpoint key ({@code CheckpointSigner.backupManifestSignature}).
 *
 * @param format        {@value #FORMAT}
 * @param createdAt     when the backup was taken (UTC, ISO-8601)
 * @param appVersion    the Declass version that took it
 * @param database      {@code h2} or {@code postgresql} (then the database itself is in a pg_dump file beside)
 * @param schemaVersion Flyway's newest applied migration
 * @param audit         the trail as read before the copy began (the copy holds at least these entries)
 * @param auditKeyId    the id of the checkpoint key that signed the checkpoints and this manifest
 * @param files         every file of the archive except the manifest and its signature
 * @param notes         what the backup does not hold (keys from the environment), for the person restoring it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupManifest(String format, String createdAt, String appVersion, String database,
                             String schemaVersion, Audit audit, String auditKeyId, List<FileEntry> files,
                             List<String> notes) {

    public static final String FORMAT = "declass-backup-v1";

    /** The trail: entries (the head's seq), the head's and entry 1's hash, the newest signed checkpoint. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Audit(long entries, String headHash, String firstHash, CheckpointCopy lastCheckpoint) {

        static Audit of(DatabaseState s) {
            return new Audit(s.auditEntries(), s.headHash(), s.firstHash(),
                    s.lastCheckpoint().map(c -> CheckpointCopy.of(c, s.firstHash())).orElse(null));
        }
    }

    /** A file of the archive: its name there, its size and the hex SHA-256 of its bytes. */
    public record FileEntry(String name, long size, String sha256) {
    }

    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    BackupManifest withFiles(List<FileEntry> entries) {
        return new BackupManifest(format, createdAt, appVersion, database, schemaVersion, audit, auditKeyId, entries,
                notes);
    }

    byte[] toBytes() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the manifest: " + e.getMessage(), e);
        }
    }

    static BackupManifest parse(byte[] bytes) throws IOException {
        return JSON.readValue(bytes, BackupManifest.class);
    }
}
