package org.declass.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.declass.audit.CheckpointSigner;
import org.declass.security.PrivateFiles;

/**
 * One backup, one zip file ({@code declass-backup-<time>.zip}, 0600):
 * <pre>
 * manifest.json             {@link BackupManifest}: time, version, schema, audit state, every file's size and SHA-256
 * manifest.sig              "&lt;key id&gt; &lt;HMAC-SHA256&gt;" of manifest.json under the audit checkpoint key
 * database/declass-h2.zip   H2's own BACKUP TO output (H2 only; stored, not compressed again)
 * data-dir/&lt;name&gt;           the data directory's key and password files that exist ({@link #DATA_DIR_FILES})
 * </pre>
 * Reading one checks every file against the manifest and the manifest against its signature before anything is
 * restored ({@link Opened#problems}).
 */
public final class BackupArchive {

    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String H2_DATABASE = "database/declass-h2.zip";
    public static final String DATA_DIR_PREFIX = "data-dir/";

    /**
     * The files Declass writes into the data directory that a restore needs: the session key (cookies and CSRF
     * tokens), the audit checkpoint key (without it the checkpoints cannot be verified) and the first
     * administrator's generated password (as long as nobody has deleted it). The same names as
     * {@code web.DataDirectory}'s own files.
     */
    public static final List<String> DATA_DIR_FILES = List.of("session.key", "audit-checkpoint.key",
            "initial-admin-password");

    private BackupArchive() {
    }

    /**
     * Writes the archive to {@code out}, through {@code out.part} moved into place at the end (an interrupted backup
     * never looks complete).
     *
     * @param h2Zip the output of H2's BACKUP TO, or null (PostgreSQL: the database is in a pg_dump file)
     */
    public static BackupManifest write(Path out, BackupManifest manifest, Path h2Zip, Path dataDir,
                                       CheckpointSigner signer) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        if (h2Zip != null) {
            files.put(H2_DATABASE, h2Zip);
        }
        for (String name : DATA_DIR_FILES) {
            Path p = dataDir.resolve(name);
            if (Files.isRegularFile(p)) {
                files.put(DATA_DIR_PREFIX + name, p);
            }
        }
        List<BackupManifest.FileEntry> entries = new ArrayList<>();
        Map<String, Long> crcs = new LinkedHashMap<>();
        for (Map.Entry<String, Path> f : files.entrySet()) {
            Digest d = digest(f.getValue());
            entries.add(new BackupManifest.FileEntry(f.getKey(), d.size, d.sha256));
            crcs.put(f.getKey(), d.crc);
        }
        BackupManifest complete = manifest.withFiles(entries);
        byte[] manifestBytes = complete.toBytes();
        String signature = signer.keyId() + " " + signer.backupManifestSignature(manifestBytes) + "\n";
        Path part = out.resolveSibling(out.getFileName() + ".part");
        PrivateFiles.write(part, new byte[0]);
        try (OutputStream os = Files.newOutputStream(part); ZipOutputStream zip = new ZipOutputStream(os)) {
            put(zip, MANIFEST, manifestBytes);
            put(zip, SIGNATURE, signature.getBytes(StandardCharsets.US_ASCII));
            for (BackupManifest.FileEntry e : entries) {
                ZipEntry entry = new ZipEntry(e.name());
                if (e.name().equals(H2_DATABASE)) { // already compressed by H2: stored as it is
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.size());
                    entry.setCompressedSize(e.size());
                    entry.setCrc(crcs.get(e.name()));
                }
                zip.putNextEntry(entry);
                Files.copy(files.get(e.name()), zip);
                zip.closeEntry();
            }
        }
        Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return complete;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** Opens an archive; nothing is checked yet ({@link Opened#problems}). */
    public static Opened open(Path zip) throws IOException {
        ZipFile file = new ZipFile(zip.toFile());
        try {
            ZipEntry m = file.getEntry(MANIFEST);
            if (m == null) {
                throw new IOException(zip + " is not a Declass backup: it has no " + MANIFEST);
            }
            byte[] manifestBytes;
            try (InputStream in = file.getInputStream(m)) {
                manifestBytes = in.readAllBytes();
            }
            BackupManifest manifest = BackupManifest.parse(manifestBytes);
            if (!BackupManifest.FORMAT.equals(manifest.format())) {
                throw new IOException(zip + " is not a backup this version reads (format " + manifest.format() + ")");
            }
            ZipEntry s = file.getEntry(SIGNATURE);
            String signature = null;
            if (s != null) {
                try (InputStream in = file.getInputStream(s)) {
                    signature = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
                }
            }
            return new Opened(file, manifest, manifestBytes, signature);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** An archive being read. Close it when done. */
    public static final class Opened implements AutoCloseable {
        private final ZipFile zip;
        private final BackupManifest manifest;
        private final byte[] manifestBytes;
        private final String signature;

        Opened(ZipFile zip, BackupManifest manifest, byte[] manifestBytes, String signature) {
            this.zip = zip;
            this.manifest = manifest;
            this.manifestBytes = manifestBytes;
            this.signature = signature;
        }

        public BackupManifest manifest() {
            return manifest;
        }

        /** The key id named in manifest.sig (null when there is none). */
        public String signatureKeyId() {
            return signature == null ? null : signature.split(" ")[0];
        }

        /**
         * Everything that is wrong with the archive, one sentence each; empty when every file has the size and
         * SHA-256 the manifest gives, no file was added, and the manifest's signature checks out under the key.
         */
        public List<String> problems(CheckpointSigner signer) throws IOException {
            List<String> problems = new ArrayList<>();
            if (signature == null) {
                problems.add("the manifest is not signed (" + SIGNATURE + " is missing)");
            } else {
                String[] parts = signature.split(" ");
                if (parts.length != 2) {
                    problems.add(SIGNATURE + " is not \"<key id> <signature>\"");
                } else if (!parts[0].equals(signer.keyId())) {
                    problems.add("the manifest was signed with key " + parts[0] + ", but the audit checkpoint key"
                            + " in use is " + signer.keyId() + ": give the key of the installation that took the"
                            + " backup (DECLASS_AUDIT_KEY or --key-file)");
                } else if (!signer.validBackupManifest(manifestBytes, parts[1])) {
                    problems.add("the manifest's signature does not check out: " + MANIFEST + " was changed after"
                            + " the backup was taken");
                }
            }
            Set<String> listed = new TreeSet<>();
            for (BackupManifest.FileEntry e : manifest.files() == null ? List.<BackupManifest.FileEntry>of()
                    : manifest.files()) {
                listed.add(e.name());
                ZipEntry entry = zip.getEntry(e.name());
                if (entry == null) {
                    problems.add(e.name() + " is missing from the archive");
                    continue;
                }
                Digest d;
                try (InputStream in = zip.getInputStream(entry)) {
                    d = digest(in);
                } catch (java.util.zip.ZipException damaged) {
                    problems.add(e.name() + " cannot be read: " + damaged.getMessage());
                    continue;
                }
                if (d.size != e.size() || !d.sha256.equals(e.sha256())) {
                    problems.add(e.name() + " differs from the manifest (SHA-256 " + d.sha256 + ", " + d.size
                            + " bytes; the manifest says " + e.sha256() + ", " + e.size() + " bytes)");
                }
            }
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                String name = all.nextElement().getName();
                if (!name.equals(MANIFEST) && !name.equals(SIGNATURE) && !listed.contains(name)) {
                    problems.add(name + " is in the archive but not in the manifest");
                }
            }
            return problems;
        }

        public boolean has(String name) {
            return zip.getEntry(name) != null;
        }

        /** Copies one file of the archive to {@code target} (0600). */
        public void extract(String name, Path target) throws IOException {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                throw new IOException(name + " is missing from the archive");
            }
            PrivateFiles.write(target, new byte[0]); // created 0600, then filled (a copy that replaced it would not be)
            try (InputStream in = zip.getInputStream(entry); OutputStream os = Files.newOutputStream(target)) {
                in.transferTo(os);
            }
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    private record Digest(long size, String sha256, long crc) {
    }

    private static Digest digest(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return digest(in);
        }
    }

    private static Digest digest(InputStream in) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 16];
        long size = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            sha.update(buffer, 0, n);
            crc.update(buffer, 0, n);
            size += n;
        }
        return new Digest(size, HexFormat.of().formatHex(sha.digest()), crc.getValue());
    }
}
