package org.declass.cable;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.declass.ingest.IngestService;
import org.declass.ingest.parser.ParseHints;
import org.declass.marking.ClassificationLevel;
import org.declass.security.Reader;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The list runs a search either from the rows of its rarest word (rare words), by testing each cable in list
 * order (common words), or, for words alone in a date order, by reading the rarest word's index rows in list order
 * (V12). All must give the same page, the same total and the same access decisions.
 */
@QuarkusTest
class CableSearchStrategyTest {

    @Inject
    CableService cables;

    @Inject
    IngestService ingest;

    static final Reader TOP_SECRET = new Reader("strategy-ts", Set.of("REVIEWER"), ClassificationLevel.TOP_SECRET,
            true, false);
    static final Reader CONFIDENTIAL = new Reader("strategy-c", Set.of("REVIEWER"), ClassificationLevel.CONFIDENTIAL,
            false, false);

    @BeforeEach
    void someCablesAreStored() {
        ingest.ingest(CableFixtures.confidentialCable("7301", "MARKER-STRATEGY-A").getBytes(), ParseHints.NONE,
                "test");
        ingest.ingest(CableFixtures.confidentialCable("7302", "MARKER-STRATEGY-B").getBytes(), ParseHints.NONE,
                "test");
        ingest.ingest(CableFixtures.secretNofornCableWithMixedPortions("7303", "U-STRATEGY", "C-STRATEGY",
                "SNF-STRATEGY", "S-STRATEGY").getBytes(), ParseHints.NONE, "test");
        // no date-time group: an undated cable, which the list puts last (newest first) or first (oldest first)
        ingest.ingest(CableFixtures.confidentialCable("7304", "MARKER-STRATEGY-UNDATED")
                .replace("R 091530Z FEB 09\n", "").getBytes(), ParseHints.NONE, "test");
    }

    @Test
    void anUndatedCableIsStoredWithoutADateAndSortsWhereTheListPutsNoDate() {
        assertThat(cables.findByReference("09MONTEVIDEO7304").orElseThrow().getDate()).isNull();
    }

    @Test
    void aSearchFindsTheSameCablesWhetherItStartsFromTheRarestWordOrTestsEachCableInListOrder() {
        List<CableQuery> queries = List.of(
                query(null, null, "pgov", null, null, 0, 50),
                query(null, null, "pgov", null, null, 0, 1),
                query(null, null, "pgov prel", null, null, 1, 1),
                query("CONFIDENTIAL", null, "montevideo", null, null, 0, 50),
                query(null, "MONTEVIDEO", "pgov", null, "oldest", 0, 50),
                query(null, null, "harbor authority", null, null, 0, 50),
                query(null, null, "pgov", "R-LVL-1", "reference", 0, 50),
                query(null, null, "nosuchwordanywhere", null, null, 0, 50),
                // totals counted from the level / origin index or from the word's rows (page of one: a count runs)
                query("CONFIDENTIAL", "MONTEVIDEO", "pgov", null, null, 0, 1),
                query("SECRET", "TALLINN", "pgov prel", null, null, 0, 1),
                query("CONFIDENTIAL", null, "tender", "R-LVL-1", null, 0, 1),
                query(null, null, "harbor pgov", null, "oldest", 0, 1),
                // the undated cable among dated ones, both date orders, pages of one
                query(null, null, "montevideo", null, null, 0, 50),
                query(null, null, "montevideo", null, "oldest", 0, 50),
                query(null, null, "tender", null, null, 1, 1),
                query(null, null, "tender uruguay", null, "oldest", 0, 1),
                query(null, null, "econ", "R-LVL-1", null, 0, 50));
        for (Reader reader : List.of(TOP_SECRET, CONFIDENTIAL)) {
            for (CableQuery q : queries) {
                List<String> inListOrder = run(q, reader, 0, false);
                assertThat(run(q, reader, Integer.MAX_VALUE, false)).as(q + " for " + reader.username())
                        .isEqualTo(inListOrder);
                assertThat(run(q, reader, Integer.MAX_VALUE, true)).as("word order: " + q + " for "
                        + reader.username()).isEqualTo(inListOrder);
            }
        }
    }

    @Test
    void theUndatedCableComesLastNewestFirstAndFirstOldestFirstInEveryWay() {
        for (boolean wordOrder : List.of(false, true)) {
            // this test's own cables only (their markers' word "strategy"): other tests' Montevideo cables, some
            // undated too, share the database, and the full-text search finds "montevideo" in their bodies as well
            List<String> newest = run(query(null, null, "montevideo strategy", null, null, 0, 50), TOP_SECRET, 0,
                    wordOrder);
            List<String> oldest = run(query(null, null, "montevideo strategy", null, "oldest", 0, 50), TOP_SECRET, 0,
                    wordOrder);
            assertThat(newest).as("newest first, word order " + wordOrder).hasSize(4);
            assertThat(newest.get(newest.size() - 1)).as("newest first, word order " + wordOrder)
                    .contains("MONTEVIDEO7304");
            assertThat(oldest.get(1)).as("oldest first, word order " + wordOrder).contains("MONTEVIDEO7304");
        }
    }

    @Test
    void neitherWayFindsASubjectTheReaderMayNotRead() {
        // the SECRET//NOFORN cable's subject words are SECRET: a CONFIDENTIAL reader never matches on them
        CableQuery harbor = query(null, null, "fictional harbor", null, null, 0, 50);
        for (int rare : List.of(0, Integer.MAX_VALUE)) {
            for (boolean wordOrder : List.of(false, true)) {
                String way = "rare rows " + rare + ", word order " + wordOrder;
                assertThat(run(harbor, CONFIDENTIAL, rare, wordOrder)).as(way).containsExactly("total 0");
                assertThat(run(harbor, TOP_SECRET, rare, wordOrder)).as(way).contains("08TALLINN7303");
                // a word the reader may match (public: the origin) with one only in the SECRET subject: still
                // nothing ("harbor" also stands in a (U) paragraph, which the full-text search reads)
                assertThat(run(query(null, null, "tallinn fictional", null, null, 0, 50), CONFIDENTIAL, rare,
                        wordOrder)).as(way).containsExactly("total 0");
            }
        }
    }

    private static CableQuery query(String level, String origin, String q, String rule, String sort, int page,
                                    int size) {
        return CableResource.query(level, origin, null, q, null, rule, sort, page, size);
    }

    private List<String> run(CableQuery q, Reader reader, int rareRows, boolean wordOrder) {
        int before = CableRepository.rareRows;
        CableRepository.rareRows = rareRows;
        CableRepository.estimateScan = false;
        CableRepository.wordOrder = wordOrder;
        try {
            CablePage page = cables.list(q, reader);
            List<String> out = new ArrayList<>();
            out.add("total " + page.total());
            page.items().forEach(i -> out.add(i.reference()));
            return out;
        } finally {
            CableRepository.wordOrder = true;
            CableRepository.estimateScan = true;
            CableRepository.rareRows = before;
        }
    }
}
