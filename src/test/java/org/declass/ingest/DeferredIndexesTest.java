package org.declass.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.declass.cable.CableQuery;
import org.declass.cable.CableService;
import org.declass.ingest.generate.GenerateCommand;
import org.declass.marking.ClassificationLevel;
import org.declass.security.Reader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 4: a command-line import on H2 may build the secondary indexes of the cable tables after its rows
 * ({@link DeferredIndexes}). The indexes it builds are the migrations' own, a killed import leaves a record of what it
 * dropped, and the next run or the next server start builds them. An upload into the server never drops any.
 */
@QuarkusTest
class DeferredIndexesTest {

    @Inject
    BulkImporter importer;

    @Inject
    DeferredIndexes deferred;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CableService cables;

    @AfterEach
    void noIndexStaysDropped() throws SQLException {
        deferred.rebuild(line -> { });
    }

    @Test
    void anImportThatDefersTheIndexesBuildsThemAgainExactlyAsTheMigrationsDefinedThem() throws Exception {
        assumeTrue(h2(), "H2 only: an import on PostgreSQL never defers its indexes (see the test below)");
        List<DeferredIndexes.Definition> before = deferred.droppable();
        assertThat(before).extracting(DeferredIndexes.Definition::name)
                .contains("IX_CABLE_TERM_DAY", "IX_CABLE_LEVEL", "IX_CABLE_ORIGIN_LEVEL", "IX_CABLE_DECLASS_ORDER",
                        "IX_FINDING_CODE")
                // keys and the indexes of foreign keys check rows as they are written: they stay
                .doesNotContain("IX_CABLE_TERM_CABLE", "IX_FINDING_CABLE");
        String catalog = catalog();
        Path dir = generated("defer-all", 300, 4101);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ImportSummary summary = importer.run(ImportSource.of(dir, 100), options(out, 0, DeferredIndexes.Mode.ALWAYS));

        assertThat(summary.created()).isEqualTo(300);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(before.size() + " indexes dropped for the import")
                .contains("built " + before.size() + " indexes");
        assertThat(deferred.pending()).isEmpty();
        assertThat(catalog()).isEqualTo(catalog);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("counted the words again");
        assertCountsAgreeWithTheWordRows();
    }

    @Test
    void anImportKilledWithoutItsIndexesLeavesThemListedAndItsNextRunGoesOnAndBuildsThem() throws Exception {
        assumeTrue(h2(), "H2 only: an import on PostgreSQL never defers its indexes");
        String catalog = catalog();
        int droppable = deferred.droppable().size();
        Path dir = generated("defer-kill", 600, 4202);

        ImportSummary first = importer.run(ImportSource.of(dir, 100),
                options(new ByteArrayOutputStream(), 1, DeferredIndexes.Mode.ALWAYS));

        assertThat(first.stoppedEarly()).isTrue();
        assertThat(deferred.pending()).hasSize(droppable + 1).contains(DeferredIndexes.RECOUNT_TASK);
        assertThat(deferred.droppable()).isEmpty();
        // without the indexes the cables are still listed and found, only more slowly
        String word = firstSubjectWord(first);
        assertThat(cables.list(new CableQuery(null, null, null, word, null, null, null, 0, 50), reviewer()).total())
                .isPositive();

        // "never" cannot undo a deferral it finds: the run goes on without the indexes and builds them at its end
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImportSummary second = importer.run(ImportSource.of(dir, 100), options(out, 0, DeferredIndexes.Mode.NEVER));

        assertThat(second.created()).isEqualTo(600 - first.created());
        assertThat(second.duplicates()).isEqualTo(first.created());
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("going on without the indexes")
                .contains("built " + droppable + " indexes");
        assertThat(deferred.pending()).isEmpty();
        assertThat(catalog()).isEqualTo(catalog);
        assertCountsAgreeWithTheWordRows();
    }

    @Test
    void theServerBuildsAtItsStartTheIndexesAnInterruptedImportLeftDropped() throws Exception {
        assumeTrue(h2(), "H2 only: an import on PostgreSQL never defers its indexes");
        String catalog = catalog();
        Path dir = generated("defer-start", 300, 4303);
        importer.run(ImportSource.of(dir, 100), options(new ByteArrayOutputStream(), 1, DeferredIndexes.Mode.ALWAYS));
        assertThat(deferred.pending()).isNotEmpty();

        deferred.onStart(null);

        assertThat(deferred.pending()).isEmpty();
        assertThat(catalog()).isEqualTo(catalog);
        assertCountsAgreeWithTheWordRows();
    }

    @Test
    void anUploadIntoTheServerAndASmallImportKeepEveryIndex() throws Exception {
        String catalog = catalog();
        Path dir = generated("defer-none", 200, 4404);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // an upload (no mode: it does not own the database), then a command-line import below the "auto" threshold
        importer.run(ImportSource.of(dir, 100), options(out, 1, null));
        importer.run(ImportSource.of(dir, 100), options(out, 0, DeferredIndexes.Mode.AUTO));

        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("indexes dropped").doesNotContain("built");
        assertThat(deferred.pending()).isEmpty();
        assertThat(catalog()).isEqualTo(catalog);
    }

    @Test
    void anImportOnPostgresqlNeverDefersItsIndexesEvenWhenAskedTo() throws Exception {
        assumeTrue(!h2(), "PostgreSQL only (the pg profile): servers may read the same database meanwhile");
        String catalog = catalog();
        Path dir = generated("defer-pg", 150, 4505);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ImportSummary summary = importer.run(ImportSource.of(dir, 100), options(out, 0, DeferredIndexes.Mode.ALWAYS));

        assertThat(summary.created()).isEqualTo(150);
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("indexes dropped");
        assertThat(deferred.pending()).isEmpty();
        assertThat(catalog()).isEqualTo(catalog);
    }

    /** The counts kept for exact search totals (cable_term_frequency) are those of the word rows, row for row. */
    private void assertCountsAgreeWithTheWordRows() throws SQLException {
        String index = "SELECT term, level_rank, foreign_restricted, COUNT(*) FROM cable_term"
                + " GROUP BY term, level_rank, foreign_restricted";
        String kept = "SELECT term, level_rank, foreign_restricted, cables FROM cable_term_frequency WHERE cables <> 0";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : List.of("SELECT COUNT(*) FROM ((" + index + ") EXCEPT (" + kept + ")) d",
                    "SELECT COUNT(*) FROM ((" + kept + ") EXCEPT (" + index + ")) d")) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(sql).isZero();
                }
            }
        }
    }

    /** A directory of {@code count} invented cables in the real format. */
    private static Path generated(String prefix, int count, long seed) throws java.io.IOException {
        Path dir = Files.createTempDirectory(prefix);
        GenerateCommand.write(dir, count, seed, "txt", null);
        return dir;
    }

    private static BulkImporter.Options options(ByteArrayOutputStream out, int stopAfterBatches,
                                                DeferredIndexes.Mode mode) {
        Progress progress = new Progress("import", 0, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new BulkImporter.Options("system:test-import", "SYSTEM", progress, null, stopAfterBatches, mode);
    }

    private static Reader reviewer() {
        return new Reader("r", java.util.Set.of("REVIEWER"), ClassificationLevel.TOP_SECRET, true, false);
    }

    private boolean h2() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return DeferredIndexes.isH2(c);
        }
    }

    /** A word of the subject of a cable the run stored (the generator's subjects are invented, so look one up). */
    private String firstSubjectWord(ImportSummary summary) throws SQLException {
        assertThat(summary.created()).isPositive();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT term FROM cable_term ORDER BY cable_id DESC LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    /** Every index of the cable tables with its columns, order and null order, as the database reports them. */
    private String catalog() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<String> rows = new ArrayList<>();
            String sql = DeferredIndexes.isH2(c)
                    ? "SELECT c.TABLE_NAME, c.INDEX_NAME, c.COLUMN_NAME, c.ORDERING_SPECIFICATION, c.NULL_ORDERING,"
                    + " i.INDEX_TYPE_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS c JOIN INFORMATION_SCHEMA.INDEXES i"
                    + " ON i.INDEX_SCHEMA = c.INDEX_SCHEMA AND i.INDEX_NAME = c.INDEX_NAME"
                    + " WHERE c.TABLE_SCHEMA = CURRENT_SCHEMA AND c.TABLE_NAME IN ('CABLE', 'CABLE_FINDING', 'CABLE_TERM')"
                    + " ORDER BY c.TABLE_NAME, c.INDEX_NAME, c.ORDINAL_POSITION"
                    : "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                    + " AND tablename IN ('cable', 'cable_finding', 'cable_term') ORDER BY tablename, indexname";
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        b.append(rs.getString(i)).append(' ');
                    }
                    rows.add(b.toString());
                }
            }
            assertThat(rows).isNotEmpty();
            return String.join("\n", rows);
        }
    }
}
