package org.declass.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.declass.security.PrivateFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path tmp;

    static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    static Path loose(Path p, String mode) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        return p;
    }

    @Test
    void aNewDataDirectoryIsCreatedForTheServersAccountOnly() throws IOException {
        Path dir = tmp.resolve("new/data");
        assertThat(DataDirectory.prepare(dir)).isTrue();
        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(mode(dir.getParent())).isEqualTo("rwx------");
    }

    @Test
    void anExistingLooseDataDirectoryAndTheFilesKeptInItAreNarrowed() throws IOException {
        Path dir = loose(Files.createDirectory(tmp.resolve("data")), "rwxr-xr-x");
        Path db = loose(Files.writeString(dir.resolve("declass.mv.db"), "h2"), "rw-r--r--");
        Path trace = loose(Files.writeString(dir.resolve("declass.trace.db"), "h2"), "rw-rw-r--");
        Path key = loose(Files.writeString(dir.resolve("session.key"), "k"), "rw-r--r--");
        Path run = loose(Files.createDirectories(dir.resolve("quarantine/20260101-000000")), "rwxr-xr-x");
        Path reason = loose(Files.writeString(run.resolve("000001-x.txt.reason"), "r"), "rw-r--r--");
        Path log = loose(Files.writeString(tmp.resolve("server.log"), "l"), "rw-r--r--");
        Path other = loose(Files.writeString(dir.resolve("backup-notes.txt"), "mine"), "rw-r--r--");

        DataDirectory.narrow(dir, DataDirectory.h2Database("jdbc:h2:file:" + dir.resolve("declass") + ";X=1"),
                Optional.of(log));

        assertThat(mode(dir)).isEqualTo("rwx------");
        for (Path f : new Path[] {db, trace, key, reason, log}) {
            assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");
        }
        assertThat(mode(run)).isEqualTo("rwx------");
        assertThat(mode(other)).as("a file Declass does not keep is the operator's").isEqualTo("rw-r--r--");
    }

    @Test
    void aDirectoryEveryoneMayWriteToIsNeverChanged() throws IOException {
        Path shared = loose(Files.createDirectory(tmp.resolve("shared")), "rwxrwxrwx");
        assertThat(DataDirectory.prepare(shared)).isFalse();
        assertThatThrownBy(() -> DataDirectory.narrow(shared, Optional.empty(), Optional.empty()))
                .hasMessageContaining("writable by everyone");
        assertThat(mode(shared)).isEqualTo("rwxrwxrwx");
    }

    @Test
    void theH2DatabaseIsFoundInAFileUrlOnly() {
        assertThat(DataDirectory.h2Database("jdbc:h2:file:./data/declass;DB_CLOSE_ON_EXIT=FALSE"))
                .contains(Path.of("./data/declass"));
        assertThat(DataDirectory.h2Database("jdbc:h2:/srv/declass/db")).contains(Path.of("/srv/declass/db"));
        assertThat(DataDirectory.h2Database("jdbc:h2:mem:declass;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(DataDirectory.h2Database("jdbc:h2:tcp://db/declass")).isEmpty();
        assertThat(DataDirectory.h2Database("jdbc:postgresql://localhost/declass")).isEmpty();
    }

    @Test
    void privateFilesAreCreatedOwnerOnlyAndAnExistingOneIsNarrowedBeforeItIsRewritten() throws IOException {
        Path file = tmp.resolve("sub/secret");
        PrivateFiles.write(file, "one");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(file.getParent())).isEqualTo("rwx------");
        loose(file, "rw-r--r--");
        PrivateFiles.write(file, "two");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo("two");
    }
}
