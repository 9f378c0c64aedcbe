package org.declass.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.declass.audit.AuditTrail;
import org.declass.cable.CableQuery;
import org.declass.cable.CableService;
import org.declass.ingest.generate.CableGenerator;
import org.declass.ingest.generate.GenerateCommand;
import org.declass.marking.ClassificationLevel;
import org.declass.security.Reader;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BulkImporterTest {

    @Inject
    BulkImporter importer;

    @Inject
    AuditTrail audit;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CableService cables;

    private static BulkImporter.Options options() {
        return new BulkImporter.Options("system:test-import", "SYSTEM", null, null, 0);
    }

    @Test
    void importsADirectoryOnceAndResumesAfterAKill() throws Exception {
        Path dir = Files.createTempDirectory("gen-dir");
        GenerateCommand.write(dir, 600, 101, "txt", null);
        long before = count("cable");
        long auditBefore = count("audit_entry");

        // a "kill" after the first committed batch: what is stored is whole, the rest is not stored
        ImportSummary first = importer.run(ImportSource.of(dir, 100), new BulkImporter.Options("system:test-import",
                "SYSTEM", null, null, 1));
        assertThat(first.stoppedEarly()).isTrue();
        assertThat(first.created()).isBetween(1L, 599L);
        assertThat(count("cable") - before).isEqualTo(first.created());
        assertThat(count("audit_entry") - auditBefore).isEqualTo(first.created());

        ImportSummary second = importer.run(ImportSource.of(dir, 100), options());
        assertThat(second.created()).isEqualTo(600 - first.created());
        assertThat(second.duplicates()).isEqualTo(first.created());
        assertThat(second.failed()).isZero();
        assertThat(count("cable") - before).isEqualTo(600);
        assertThat(count("audit_entry") - auditBefore).isEqualTo(600);
        assertThat(scalar("SELECT COUNT(*) FROM (SELECT reference FROM cable GROUP BY reference HAVING COUNT(*) > 1) d"))
                .isZero();
        assertThat(scalar("SELECT COUNT(*) FROM cable c WHERE NOT EXISTS (SELECT 1 FROM cable_text t"
                + " WHERE t.cable_id = c.id)")).isZero();
        assertThat(scalar("SELECT COUNT(*) FROM cable c WHERE c.paragraph_count <> (SELECT COUNT(*) FROM paragraph p"
                + " WHERE p.cable_id = c.id)")).isZero();
        // ids and rows line up: every stored text hashes to its cable's sha256
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT c.sha256, t.original FROM cable c JOIN cable_text t ON t.cable_id = c.id"
                     + " WHERE c.ingested_by = 'system:test-import'")) {
            while (rs.next()) {
                assertThat(IngestService.sha256(rs.getString(2).getBytes(StandardCharsets.UTF_8)))
                        .isEqualTo(rs.getString(1));
            }
        }
        assertThat(audit.verify().ok()).as("the audit chain verifies after batch appends").isTrue();
        // the words' counts kept for exact search totals agree with the word rows, the "kill" notwithstanding
        String index = "SELECT term, level_rank, foreign_restricted, COUNT(*) FROM cable_term"
                + " GROUP BY term, level_rank, foreign_restricted";
        String kept = "SELECT term, level_rank, foreign_restricted, cables FROM cable_term_frequency WHERE cables <> 0";
        assertThat(scalar("SELECT COUNT(*) FROM ((" + index + ") EXCEPT (" + kept + ")) d")).isZero();
        assertThat(scalar("SELECT COUNT(*) FROM ((" + kept + ") EXCEPT (" + index + ")) d")).isZero();
        // each word once per cable (no primary key refuses a second row since V12)
        assertThat(scalar("SELECT COUNT(*) FROM (SELECT term, cable_id FROM cable_term GROUP BY term, cable_id"
                + " HAVING COUNT(*) > 1) d")).isZero();

        ImportSummary third = importer.run(ImportSource.of(dir, 100), options());
        assertThat(third.created()).isZero();
        assertThat(third.duplicates()).isEqualTo(600);
    }

    @Test
    void importsAZipAndACablegateCsv() throws Exception {
        Path dir = Files.createTempDirectory("gen-zip");
        GenerateCommand.write(dir, 120, 202, "txt", null);
        Path zip = Files.createTempFile("cables", ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(dir.relativize(p).toString()));
                z.write(Files.readAllBytes(p));
                z.closeEntry();
            }
        }
        ImportSummary fromZip = importer.run(ImportSource.of(zip, 1000), options());
        assertThat(fromZip.created()).isEqualTo(120);
        assertThat(fromZip.failed()).isZero();

        Path csvDir = Files.createTempDirectory("gen-csv");
        GenerateCommand.write(csvDir, 150, 303, "csv", null);
        ImportSummary fromCsv = importer.run(ImportSource.of(csvDir.resolve("cables.csv"), 1000), options());
        assertThat(fromCsv.read()).isEqualTo(150);
        assertThat(fromCsv.created()).isEqualTo(150);
        assertThat(fromCsv.failed()).isZero();
        // the CSV's date column is the cable date, also for partial extracts without a DTG
        assertThat(scalar("SELECT COUNT(*) FROM cable WHERE cable_date IS NULL AND ingested_by = 'system:test-import'"
                + " AND reference LIKE '%'")).isLessThan(130);
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void failuresGoToQuarantineAndNeverStopTheImport() throws Exception {
        Path dir = Files.createTempDirectory("gen-bad");
        GenerateCommand.write(dir, 30, 404, "txt", null);
        Path bucket = dir.resolve("0000");
        Files.write(bucket.resolve("binary.txt"), new byte[] {0, 1, 2, 3, (byte) 0xff, (byte) 0xfe, 0, 0});
        Files.writeString(bucket.resolve("notacable.txt"), "Dear all, lunch is at noon.\n");
        // same reference as a generated cable, different text
        Path one;
        try (Stream<Path> s = Files.list(bucket)) {
            one = s.filter(p -> p.getFileName().toString().matches("\\d{2}[A-Z]+\\d+\\.txt")).sorted().findFirst()
                    .orElseThrow();
        }
        String text = Files.readString(one);
        Path conflict = Files.createDirectories(dir.resolve("zz")).resolve(one.getFileName());
        Files.writeString(conflict, text.replaceFirst("\\. ", ". Also. "));

        ImportSummary s = importer.run(ImportSource.of(dir, 100), options());
        assertThat(s.created()).isEqualTo(30);
        assertThat(s.failed()).isEqualTo(3);
        assertThat(s.quarantine()).isNotNull();
        Path q = Path.of(s.quarantine());
        try (Stream<Path> files = Files.list(q)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names.stream().filter(n -> n.endsWith(".reason"))).hasSize(3);
            assertThat(names).contains("report.json");
        }
        assertThat(s.failuresByReason()).containsKey("reference already stored with a different text");
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    void searchFindsWordsButNeverAWithheldSubject() throws IOException {
        Path dir = Files.createTempDirectory("gen-search");
        GenerateCommand.write(dir, 200, 505, "txt", null);
        importer.run(ImportSource.of(dir, 100), options());
        // a subject word of a SECRET cable: a SECRET reader finds it, an UNCLASSIFIED reader does not
        String word = null;
        String secretRef = null;
        try (var c = dataSource.getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT c.reference, t.term FROM cable c JOIN cable_term t ON t.cable_id = c.id"
                     + " WHERE t.level_rank = 2 AND t.foreign_restricted = FALSE AND NOT EXISTS (SELECT 1 FROM"
                     + " cable_term u WHERE u.term = t.term AND u.level_rank < 2)")) {
            if (rs.next()) {
                secretRef = rs.getString(1);
                word = rs.getString(2);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(word).as("a word found only in SECRET subjects").isNotNull();
        Reader secret = new Reader("s", java.util.Set.of("REVIEWER"), ClassificationLevel.SECRET, false, false);
        Reader low = new Reader("u", java.util.Set.of("REVIEWER"), ClassificationLevel.UNCLASSIFIED, true, false);
        CableQuery q = new CableQuery(null, null, null, word, null, null, null, 0, 50);
        final String ref = secretRef;
        assertThat(cables.list(q, secret).items()).anyMatch(i -> i.reference().equals(ref));
        assertThat(cables.list(q, low).items()).isEmpty();
        assertThat(cables.list(q, low).total()).isZero();
        // the reference itself is a public term
        CableQuery byRef = new CableQuery(null, null, null, secretRef, null, null, null, 0, 50);
        assertThat(cables.list(byRef, low).items()).extracting(i -> i.reference()).containsExactly(secretRef);
        new CableGenerator(1).next();
    }

    @Test
    void anUndatedCableImportedInBulkIsFoundByItsWordsAloneAndWithFilters() throws Exception {
        Path dir = Files.createTempDirectory("gen-undated");
        Files.writeString(dir.resolve("undated.txt"), org.declass.testdata.CableFixtures
                .confidentialCable("7391", "MARKER-UNDATED-BULK").replace("R 091530Z FEB 09\n", "")
                .replace("INVENTED PORT TENDER", "ZEPHYRQUILL PORT TENDER"));
        assertThat(importer.run(ImportSource.of(dir, 10), options()).created()).isEqualTo(1);
        Reader reader = new Reader("r", java.util.Set.of("REVIEWER"), ClassificationLevel.SECRET, true, false);
        List<CableQuery> queries = List.of(
                new CableQuery(null, null, null, "zephyrquill", null, null, null, 0, 50),
                new CableQuery(null, null, null, "zephyrquill", null, null, "oldest", 0, 50),
                new CableQuery(null, null, null, "zephyrquill montevideo", null, null, null, 0, 50),
                new CableQuery(ClassificationLevel.CONFIDENTIAL, null, null, "zephyrquill", null, null, null, 0, 50),
                new CableQuery(null, "MONTEVIDEO", null, "zephyrquill tender", null, null, null, 0, 50));
        for (CableQuery q : queries) {
            assertThat(cables.list(q, reader).items()).as("bulk: " + q).extracting(i -> i.reference())
                    .containsExactly("09MONTEVIDEO7391");
        }
        // the day as migration V12 writes it for the words of a cable stored before it: the same rows are found
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE cable_term t SET cable_day = COALESCE((SELECT c.cable_date FROM cable c"
                    + " WHERE c.id = t.cable_id), DATE '1600-01-01') WHERE t.cable_id = (SELECT id FROM cable"
                    + " WHERE reference = '09MONTEVIDEO7391')");
        }
        for (CableQuery q : queries) {
            assertThat(cables.list(q, reader).items()).as("migrated: " + q).extracting(i -> i.reference())
                    .containsExactly("09MONTEVIDEO7391");
        }
    }

    private long count(String table) {
        return scalar("SELECT COUNT(*) FROM " + table);
    }

    private long scalar(String sql) {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
