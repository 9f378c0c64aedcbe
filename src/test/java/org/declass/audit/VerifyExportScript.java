package org.declass.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/** Runs docs/audit/verify_export.py, the outside check of an export, on a JSON Lines export (tests skip without python3). */
final class VerifyExportScript {

    private VerifyExportScript() {
    }

    /** The script's output; asserts that it exited 0 and printed "ok: ". */
    static String verify(String jsonl) throws Exception {
        Path file = Files.createTempFile("audit", ".jsonl");
        try {
            Files.writeString(file, jsonl);
            Process p;
            try {
                p = new ProcessBuilder("python3", "docs/audit/verify_export.py", file.toString())
                        .redirectErrorStream(true).start();
            } catch (java.io.IOException e) {
                Assumptions.abort("python3 is not available");
                return "";
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(out).startsWith("ok: ");
            assertThat(p.exitValue()).as(out).isZero();
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
