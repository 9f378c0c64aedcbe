package org.declass.cable;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.declass.ingest.IngestService;
import org.declass.ingest.parser.ParseHints;
import org.declass.marking.ClassificationLevel;
import org.declass.security.Reader;
import org.declass.testdata.CableFixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A finding code alone, in a date order: on PostgreSQL its page is read from the code's own index in list order
 * (db/postgresql V17_1, each finding row carrying its cable's day); it must be the page the list gives otherwise,
 * on every page and in both date orders, an undated cable included. And the list without filters counts exactly
 * while few cables are stored, on both databases (PostgreSQL reads at most the cap's entries instead of count(*)).
 */
@QuarkusTest
class CableCodeOrderTest {

    @Inject
    CableService cables;

    @Inject
    IngestService ingest;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    static final Reader READER = new Reader("code-order", Set.of("REVIEWER"), ClassificationLevel.TOP_SECRET, true,
            false);

    /** Serials and date-time groups: two on one day (told apart by id), one undated. */
    static final String[][] CABLES = {
            {"9401", "R 091530Z FEB 09\n"}, {"9402", "R 121530Z MAR 07\n"}, {"9403", "R 091530Z FEB 09\n"},
            {"9404", "R 011200Z JAN 08\n"}, {"9405", ""}, {"9406", "R 301200Z DEC 05\n"}};

    @BeforeEach
    void cablesWithTheSameFindingsOnDifferentDaysAreStored() {
        for (String[] c : CABLES) {
            // a SECRET portion under a CONFIDENTIAL banner: at least the finding R-LVL-1 on each
            String text = CableFixtures.confidentialCable(c[0], "MARKER-CODE-ORDER-" + c[0])
                    .replace("3. (C) Embassy", "3. (S) Embassy").replace("R 091530Z FEB 09\n", c[1])
                    // an origin of their own, so that no other test's search for "montevideo" meets them
                    .replace("MONTEVIDEO", "ASUNCION");
            ingest.ingest(text.getBytes(), ParseHints.NONE, "test");
        }
    }

    @Test
    void aFindingCodesPageIsTheSameReadFromItsOwnIndexOrTestedInListOrder() {
        List<String> codes = codesOfTheseCables();
        assertThat(codes).as("the fixture's cables have findings").contains("R-LVL-1");
        for (String code : codes) {
            for (String sort : new String[] {null, "oldest"}) {
                List<String> all = run(code, sort, 0, 200, true);
                if (code.equals("R-LVL-1")) {
                    assertThat(all.stream().filter(r -> r.contains("ASUNCION94")).count()).as(code + " " + sort)
                            .isEqualTo(CABLES.length);
                }
                assertThat(all.stream().distinct().count()).as("each cable once").isEqualTo(all.size());
                assertThat(all).as("code order " + code + " " + sort).isEqualTo(run(code, sort, 0, 200, false));
                List<String> byOne = new ArrayList<>();
                for (int page = 0; page < all.size(); page++) {
                    List<String> one = run(code, sort, page, 1, true);
                    assertThat(one).as("page " + page + " of " + code + " " + sort)
                            .isEqualTo(run(code, sort, page, 1, false));
                    byOne.addAll(one);
                }
                assertThat(byOne).as("pages of one, " + code + " " + sort).isEqualTo(all);
                Number cablesWithTheCode = (Number) em.createNativeQuery("select count(distinct cable_id) from"
                        + " cable_finding where code = ?1").setParameter(1, code).getSingleResult();
                CablePage first = cables.list(CableResource.query(null, null, null, null, null, code, sort, 0, 1),
                        READER);
                assertThat(first.totalCapped()).as("few cables: exact").isFalse();
                assertThat(first.total()).as("total of " + code).isEqualTo(cablesWithTheCode.longValue());
                if (code.equals("R-LVL-1")) {
                    List<String> mine = all.stream().filter(r -> r.contains("ASUNCION94")).toList();
                    assertThat(sort == null ? mine.get(mine.size() - 1) : mine.get(0)).as("undated: last newest"
                            + " first, first oldest first").endsWith("ASUNCION9405");
                }
            }
        }
    }

    @Test
    void onPostgresqlEveryFindingRowCarriesItsCablesDayAsTheListSortsIt() {
        Assumptions.assumeTrue("postgresql".equals(dbKind), "cable_finding.cable_day exists on PostgreSQL only");
        Number wrong = (Number) em.createNativeQuery("select count(*) from cable_finding f join cable c"
                + " on c.id = f.cable_id where f.cable_day is distinct from coalesce(c.cable_date, date '1600-01-01')")
                .getSingleResult();
        Number mine = (Number) em.createNativeQuery("select count(*) from cable_finding f join cable c"
                + " on c.id = f.cable_id where c.reference like '%ASUNCION940%' and f.cable_day is not null")
                .getSingleResult();
        assertThat(wrong.longValue()).isZero();
        assertThat(mine.longValue()).isPositive();
    }

    @Test
    void theListWithoutFiltersCountsExactlyWhileFewCablesAreStored() {
        long stored = ((Number) em.createNativeQuery("select count(*) from cable").getSingleResult()).longValue();
        assertThat(stored).isLessThan(CableRepository.COUNT_CAP);
        CablePage page = cables.list(CableResource.query(null, null, null, null, null, null, null, 0, 1), READER);
        assertThat(page.totalCapped()).isFalse();
        assertThat(page.total()).isEqualTo(stored);
    }

    @SuppressWarnings("unchecked")
    private List<String> codesOfTheseCables() {
        return em.createNativeQuery("select distinct f.code from cable_finding f join cable c on c.id = f.cable_id"
                + " where c.reference like '%ASUNCION940%' order by f.code").getResultList();
    }

    private List<String> run(String code, String sort, int page, int size, boolean codeOrder) {
        CableRepository.codeOrder = codeOrder;
        try {
            CablePage p = cables.list(CableResource.query(null, null, null, null, null, code, sort, page, size),
                    READER);
            List<String> out = new ArrayList<>();
            p.items().forEach(i -> out.add(i.reference()));
            return out;
        } finally {
            CableRepository.codeOrder = true;
        }
    }
}
