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
 * The list runs a search either from the rows of its rarest word (rare words) or by testing each cable in list
 * order (common words). Both must give the same page, the same total and the same access decisions.
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
                query(null, null, "harbor pgov", null, "oldest", 0, 1));
        for (Reader reader : List.of(TOP_SECRET, CONFIDENTIAL)) {
            for (CableQuery q : queries) {
                assertThat(run(q, reader, Integer.MAX_VALUE)).as(q + " for " + reader.username())
                        .isEqualTo(run(q, reader, 0));
            }
        }
    }

    @Test
    void neitherWayFindsASubjectTheReaderMayNotRead() {
        // the SECRET//NOFORN cable's subject words are SECRET: a CONFIDENTIAL reader never matches on them
        CableQuery harbor = query(null, null, "fictional harbor", null, null, 0, 50);
        for (int rare : List.of(0, Integer.MAX_VALUE)) {
            assertThat(run(harbor, CONFIDENTIAL, rare)).as("rare rows " + rare).containsExactly("total 0");
            assertThat(run(harbor, TOP_SECRET, rare)).as("rare rows " + rare).contains("08TALLINN7303");
        }
    }

    private static CableQuery query(String level, String origin, String q, String rule, String sort, int page,
                                    int size) {
        return CableResource.query(level, origin, null, q, null, rule, sort, page, size);
    }

    private List<String> run(CableQuery q, Reader reader, int rareRows) {
        int before = CableRepository.rareRows;
        CableRepository.rareRows = rareRows;
        CableRepository.estimateScan = false;
        try {
            CablePage page = cables.list(q, reader);
            List<String> out = new ArrayList<>();
            out.add("total " + page.total());
            page.items().forEach(i -> out.add(i.reference()));
            return out;
        } finally {
            CableRepository.estimateScan = true;
            CableRepository.rareRows = before;
        }
    }
}
