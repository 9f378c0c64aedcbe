package org.declass.cable;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.declass.ingest.IngestService;
import org.declass.ingest.parser.ParseHints;
import org.declass.marking.ClassificationLevel;
import org.declass.security.Reader;
import org.declass.testdata.CableFixtures;
import org.junit.jupiter.api.Test;

/**
 * The list's totals at scale: a single word is counted exactly from the counts kept at ingest
 * (cable_term_frequency), other searches up to a cap and say so; every total obeys the same access rules as the
 * rows, and the "has errors" filter reads the column the database keeps.
 */
@QuarkusTest
class CableSearchCountTest {

    @Inject
    CableService cables;

    @Inject
    IngestService ingest;

    @Inject
    EntityManager em;

    static final Reader TOP_SECRET_NOFORN = reader("count-ts-nf", ClassificationLevel.TOP_SECRET, true);
    static final Reader TOP_SECRET = reader("count-ts", ClassificationLevel.TOP_SECRET, false);
    static final Reader CONFIDENTIAL = reader("count-c", ClassificationLevel.CONFIDENTIAL, false);
    static final Reader UNCLASSIFIED = reader("count-u", ClassificationLevel.UNCLASSIFIED, false);

    @Test
    void aSingleWordTotalIsCountedExactlyByTheFullTextIndexWhateverTheOldWordCountsSay() {
        storeConfidential("7401", "7402", "7403", "QCOUNTSINGLE");
        assertThat(total("qcountsingle", null, TOP_SECRET_NOFORN, 0, 1)).isEqualTo("3");
        // the hand-made counts (cable_term_frequency) no longer decide a total: changed behind the index's back,
        // the total stays the number of cables that match
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update cable_term_frequency"
                + " set cables = cables + 25000 where term = 'qcountsingle'").executeUpdate());
        try {
            assertThat(total("qcountsingle", null, TOP_SECRET_NOFORN, 0, 1)).isEqualTo("3");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update cable_term_frequency"
                    + " set cables = cables - 25000 where term = 'qcountsingle'").executeUpdate());
        }
    }

    @Test
    void aWordsTotalCountsOnlyTheCablesWhoseSubjectTheReaderMayRead() {
        // the word is in two CONFIDENTIAL subjects and in two SECRET//NOFORN ones
        storeConfidential("7411", "7412", null, "QCOUNTMIXED");
        for (String serial : List.of("7413", "7414")) {
            ingest.ingest(CableFixtures.secretNofornCableWithMixedPortions(serial, "U-" + serial, "C-" + serial,
                            "SNF-" + serial, "S-" + serial)
                    .replace("FICTIONAL HARBOR AUTHORITY REVIEW", "QCOUNTMIXED HARBOR REVIEW").getBytes(),
                    ParseHints.NONE, "test");
        }
        assertThat(total("qcountmixed", null, TOP_SECRET_NOFORN, 0, 1)).isEqualTo("4");
        assertThat(total("qcountmixed", null, TOP_SECRET, 0, 1)).isEqualTo("2");
        assertThat(total("qcountmixed", null, CONFIDENTIAL, 0, 1)).isEqualTo("2");
        // nothing readable: no total, no hint that the word exists
        assertThat(total("qcountmixed", null, UNCLASSIFIED, 0, 1)).isEqualTo("0");
        assertThat(total("qcountmixed harbor", null, CONFIDENTIAL, 0, 1)).isEqualTo("0");
        // for every reader and query, the total is the number of rows the reader can page through
        for (Reader r : List.of(TOP_SECRET_NOFORN, TOP_SECRET, CONFIDENTIAL, UNCLASSIFIED)) {
            for (String q : List.of("qcountmixed", "qcountmixed harbor", "qcountmixed tender", "qcountmixed pgov")) {
                for (String level : java.util.Arrays.asList(null, "SECRET", "CONFIDENTIAL")) {
                    int rows = cables.list(CableResource.query(level, null, null, q, null, null, null, 0, 200), r)
                            .items().size();
                    assertThat(total(q, level, r, 0, 1)).as(q + " " + level + " for " + r.username())
                            .isEqualTo(String.valueOf(rows));
                }
            }
        }
    }

    @Test
    void aSearchFilteredInTheDatabaseStopsCountingAtItsCapSaysSoAndAlwaysLeavesTheNextPage() {
        storeConfidential("7421", "7422", "7423", "QCOUNTCAPPED");
        int before = CableRepository.searchCountCap;
        CableRepository.searchCountCap = 1;
        try {
            // words + level are counted in the index, exactly, whatever the cap
            assertThat(total("qcountcapped", "CONFIDENTIAL", CONFIDENTIAL, 0, 1)).isEqualTo("3");
            assertThat(total("qcountcapped tender", null, CONFIDENTIAL, 0, 1)).isEqualTo("3");
            // words + state: the matches are filtered in the database up to the end of the next page at least (2
            // here), then "2+"
            CablePage capped = cables.list(CableResource.query(null, null, "NEW", "qcountcapped", null, null,
                    null, 0, 1), CONFIDENTIAL);
            assertThat(capped.totalCapped()).isTrue();
            assertThat(capped.hasNext()).isTrue();
            assertThat(capped.totalLabel()).isEqualTo("2+");
            assertThat(cables.list(CableResource.query(null, null, "NEW", "qcountcapped", null, null, null, 1, 1),
                    CONFIDENTIAL).totalLabel()).isEqualTo("3");
        } finally {
            CableRepository.searchCountCap = before;
        }
    }

    @Test
    void theKeptCountsEqualTheWordIndexAfterIngest() {
        storeConfidential("7431", "7432", null, "QCOUNTKEPT");
        assertThat(keptCountsDifferingFromTheIndex(em)).isEmpty();
    }

    @Test
    void theHasErrorsFilterReadsTheColumnTheDatabaseKeepsWithTheErrorCount() {
        storeConfidential("7441", null, null, "QCOUNTERRORS");
        Number differing = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "select count(*) from cable where has_errors <> (error_count > 0)").getSingleResult());
        assertThat(differing.longValue()).isZero();
        // the filter, newest and oldest first, equals the error count tested cable by cable
        for (String sort : java.util.Arrays.asList(null, "oldest")) {
            for (String state : java.util.Arrays.asList(null, "NEW")) {
                List<String> all = every(state, null, sort).stream().filter(i -> i.errorCount() > 0)
                        .map(CableSummary::reference).toList();
                List<String> filtered = every(state, true, sort).stream().map(CableSummary::reference).toList();
                assertThat(filtered).as(state + " " + sort).isNotEmpty().isEqualTo(all);
            }
        }
    }

    /** Every row of the list, page by page. */
    private List<CableSummary> every(String state, Boolean hasErrors, String sort) {
        List<CableSummary> out = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<CableSummary> items = cables.list(CableResource.query(null, null, state, null, hasErrors, null, sort,
                    page, 200), TOP_SECRET_NOFORN).items();
            out.addAll(items);
            if (items.size() < 200) {
                return out;
            }
        }
    }

    /**
     * Words whose kept count differs from their rows in cable_term (both ways), and words indexed twice for one
     * cable (V12 dropped the primary key that refused them); empty when they agree.
     */
    static List<Object> keptCountsDifferingFromTheIndex(EntityManager em) {
        String index = "select term, level_rank, foreign_restricted, count(*) from cable_term"
                + " group by term, level_rank, foreign_restricted";
        String kept = "select term, level_rank, foreign_restricted, cables from cable_term_frequency where cables <> 0";
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object> out = new ArrayList<>(em.createNativeQuery("(" + index + ") except (" + kept + ")")
                    .setMaxResults(10).getResultList());
            out.addAll(em.createNativeQuery("(" + kept + ") except (" + index + ")").setMaxResults(10)
                    .getResultList());
            out.addAll(em.createNativeQuery("select term, cable_id from cable_term group by term, cable_id"
                    + " having count(*) > 1").setMaxResults(10).getResultList());
            return out;
        });
    }

    private void storeConfidential(String s1, String s2, String s3, String word) {
        for (String serial : java.util.Arrays.asList(s1, s2, s3)) {
            if (serial != null) {
                ingest.ingest(CableFixtures.confidentialCable(serial, "M-" + serial)
                        .replace("INVENTED PORT TENDER", word + " PORT TENDER").getBytes(), ParseHints.NONE, "test");
            }
        }
    }

    private String total(String q, String level, Reader reader, int page, int size) {
        return cables.list(CableResource.query(level, null, null, q, null, null, null, page, size), reader)
                .totalLabel().replace(",", "");
    }

    private static Reader reader(String name, ClassificationLevel clearance, boolean noforn) {
        return new Reader(name, Set.of("REVIEWER"), clearance, noforn, false);
    }
}
