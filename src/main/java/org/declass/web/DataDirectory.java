package org.declass.web;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import org.declass.security.PrivateFiles;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The data directory ({@code declass.data-dir}) belongs to the server's account alone: the directory 0700, its
 * files 0600. Two steps, because Java cannot set the process's umask:
 * <ol>
 * <li>as soon as the configuration is read, before the datasource opens the H2 file (a configuration source factory,
 * the earliest hook of a Quarkus start; it adds no configuration), the directory is created 0700, or an existing
 * one narrowed to 0700, so that whatever H2 creates in it is out of other accounts' reach from the first byte;</li>
 * <li>at start ({@link Startup}), the files Declass and H2 keep there are narrowed to 0600 (the quarantine's
 * directories to 0700): the H2 database files, {@code session.key}, {@code audit-checkpoint.key},
 * {@code initial-admin-password}, the quarantine, and Quarkus's log file when {@code quarkus.log.file.enabled}.
 * Files Declass writes later are created 0600 ({@link PrivateFiles}); a file H2 creates later (a temporary result
 * file, the trace file) is inside the 0700 directory.</li>
 * </ol>
 * A directory that everyone may write to (such as /tmp) is never changed: a warning says to use one of its own.
 */
public class DataDirectory implements ConfigSourceFactory {

    static final String PROPERTY = "declass.data-dir";

    /** The files Declass writes into the data directory itself. */
    static final List<String> OWN_FILES = List.of("session.key", "audit-checkpoint.key", "initial-admin-password");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue dir = context.getValue(PROPERTY);
        if (dir != null && dir.getValue() != null && !dir.getValue().isBlank()) {
            try {
                prepare(Path.of(dir.getValue().trim()));
            } catch (IOException | RuntimeException e) {
                // too early to log; the start repeats this and reports it (Startup)
            }
        }
        return List.of();
    }

    /**
     * Creates the directory 0700, or narrows an existing one to 0700. Returns false, changing nothing, for a
     * directory everyone may write to.
     */
    static boolean prepare(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            PrivateFiles.createDirectories(dir);
            return true;
        }
        if (sharedWithEveryone(dir)) {
            return false;
        }
        PrivateFiles.restrict(dir);
        return true;
    }

    /**
     * Narrows the data directory and the files Declass and H2 keep in it; returns the paths whose mode changed.
     *
     * @param h2Database the H2 database's path without extension ({@code <dir>/declass}), when the database is an
     *                   H2 file
     * @param logFile    Quarkus's log file, when it writes one
     */
    static List<Path> narrow(Path dir, Optional<Path> h2Database, Optional<Path> logFile) throws IOException {
        List<Path> changed = new ArrayList<>();
        if (!prepare(dir)) {
            throw new IOException("the data directory " + dir.toAbsolutePath() + " is writable by everyone; give"
                    + " Declass a directory of its own (declass.data-dir)");
        }
        restrict(dir, changed);
        for (String name : OWN_FILES) {
            restrict(dir.resolve(name), changed);
        }
        Path quarantine = dir.resolve("quarantine");
        if (Files.isDirectory(quarantine, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> all = Files.walk(quarantine)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    restrict(p, changed);
                }
            }
        }
        if (h2Database.isPresent()) {
            Path db = h2Database.get().toAbsolutePath();
            Path parent = db.getParent();
            if (parent != null && Files.isDirectory(parent)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(parent,
                        db.getFileName() + ".*")) {
                    for (Path p : files) {
                        restrict(p, changed);
                    }
                }
            }
        }
        if (logFile.isPresent()) {
            restrict(logFile.get(), changed);
        }
        return changed;
    }

    /** The H2 database path of a file URL ({@code jdbc:h2:file:./data/declass;...}, {@code jdbc:h2:./x}); else empty. */
    static Optional<Path> h2Database(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        int semicolon = rest.indexOf(';');
        rest = semicolon < 0 ? rest : rest.substring(0, semicolon);
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        } else if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:")
                || rest.matches("[a-z]+:.*")) {
            return Optional.empty(); // in memory, a server, or a file system H2 names by a prefix
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        return rest.isBlank() ? Optional.empty() : Optional.of(Path.of(rest));
    }

    private static void restrict(Path p, List<Path> changed) throws IOException {
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && PrivateFiles.restrict(p)) {
            changed.add(p);
        }
    }

    private static boolean sharedWithEveryone(Path dir) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        return view != null && view.readAttributes().permissions().contains(PosixFilePermission.OTHERS_WRITE);
    }
}
