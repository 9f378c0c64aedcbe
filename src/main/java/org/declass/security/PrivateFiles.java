package org.declass.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only the server's own account may read: directories 0700, files 0600, created so from the start (never
 * created readable and narrowed afterwards). For the data directory and what Declass writes into it: the key files,
 * the quarantine, the generated administrator password. On a file system without POSIX permissions the calls do
 * what they can (create, write) and the directory's own protection applies.
 */
public final class PrivateFiles {

    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates the directory and any missing parent, each 0700; an existing one keeps its mode. */
    public static Path createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return dir;
        }
        try {
            Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(absolute);
        }
        return dir;
    }

    /**
     * Writes the file as 0600: a new file is created with that mode; an existing one is narrowed first, then
     * replaced.
     */
    public static void write(Path file, byte[] content) throws IOException {
        createDirectories(file.toAbsolutePath().getParent());
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            restrict(file);
        } else {
            try {
                Files.createFile(file, attribute(FILE));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
        }
        Files.write(file, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                LinkOption.NOFOLLOW_LINKS);
    }

    public static void write(Path file, String content) throws IOException {
        write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Narrows a file to 0600 or a directory to 0700; a symbolic link is left alone (its target is not ours to
     * change). Returns whether the mode changed.
     */
    public static boolean restrict(Path path) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null || Files.isSymbolicLink(path)) {
            return false;
        }
        Set<PosixFilePermission> wanted = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? DIRECTORY : FILE;
        if (view.readAttributes().permissions().equals(wanted)) {
            return false;
        }
        view.setPermissions(wanted);
        return true;
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
