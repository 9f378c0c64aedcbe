package org.declass.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.declass.marking.ClassificationLevel;
import org.declass.marking.Marking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one disclosure decision as a table: reader (clearance, NOFORN eligibility, roles, anonymous) × what is guarded
 * (level, controls) × what is shown. And its SQL counterpart, evaluated by a real database over every combination,
 * agrees with it row for row, so that a search or a count can never match what a page withholds.
 */
class DisclosureTest {

    private final Disclosure disclosure = new Disclosure();

    private static final Reader ANON = Reader.ANONYMOUS;
    private static final Reader C_FOREIGN = new Reader("c-foreign", Set.of(Roles.REVIEWER),
            ClassificationLevel.CONFIDENTIAL, false, false);
    private static final Reader S_US = new Reader("s-us", Set.of(Roles.AUDITOR), ClassificationLevel.SECRET, true,
            false);
    private static final Reader S_FOREIGN = new Reader("s-foreign", Set.of(Roles.REVIEWER),
            ClassificationLevel.SECRET, false, false);
    private static final Reader TS_US_ADMIN = new Reader("ts", Set.copyOf(Roles.ALL),
            ClassificationLevel.TOP_SECRET, true, false);
    private static final Reader U_ONLY = new Reader("u", Set.of(Roles.APPROVER), ClassificationLevel.UNCLASSIFIED,
            true, false);

    static Stream<Arguments> table() {
        return Stream.of(
                // reader, portion mark, shown?
                Arguments.of(ANON, "U", false),
                Arguments.of(ANON, "C", false),
                Arguments.of(U_ONLY, "U", true),
                Arguments.of(U_ONLY, "SBU", true),
                Arguments.of(U_ONLY, "C", false),
                Arguments.of(C_FOREIGN, "U", true),
                Arguments.of(C_FOREIGN, "C", true),
                Arguments.of(C_FOREIGN, "C//NF", false),
                Arguments.of(C_FOREIGN, "C//EXDIS", false),
                Arguments.of(C_FOREIGN, "U//NODIS", false),
                Arguments.of(C_FOREIGN, "S", false),
                Arguments.of(S_FOREIGN, "S", true),
                Arguments.of(S_FOREIGN, "S//NF", false),
                Arguments.of(S_FOREIGN, "TS", false),
                Arguments.of(S_US, "S//NF", true),
                Arguments.of(S_US, "C//EXDIS", true),
                Arguments.of(S_US, "TS", false),
                Arguments.of(S_US, "TS//NF", false),
                Arguments.of(TS_US_ADMIN, "TS//NF", true),
                Arguments.of(TS_US_ADMIN, "U", true));
    }

    @ParameterizedTest(name = "{0} reading a ({1}) portion: shown = {2}")
    @MethodSource("table")
    void aReaderIsShownAPortionOnlyWhenClearedForItsLevelAndItsForeignReleaseRestriction(Reader reader, String mark,
                                                                                          boolean shown) {
        Classification c = Classification.of(Marking.parsePortion("(" + mark + ")").orElseThrow());
        assertThat(disclosure.mayRead(reader, c)).isEqualTo(shown);
        assertThat(disclosure.shown(reader, c, "TEXT")).isEqualTo(shown ? "TEXT" : null);
        assertThat(disclosure.note(reader, c, "NOTE about it")).isEqualTo(shown ? "NOTE about it"
                : "[withheld: (" + c.mark() + ") note]");
    }

    @Test
    void aPlaceholderNamesTheLevelAndTheRestrictionAndNothingElse() {
        assertThat(disclosure.placeholder(Classification.of(ClassificationLevel.SECRET, true)))
                .isEqualTo("[withheld: (S//NF) portion]");
        assertThat(disclosure.placeholder(Classification.of(ClassificationLevel.CONFIDENTIAL, false)))
                .isEqualTo("[withheld: (C) portion]");
    }

    @Test
    void theWholeIsReadableOnlyWhenEveryPartIs() {
        List<Classification> parts = List.of(Classification.of(ClassificationLevel.UNCLASSIFIED, false),
                Classification.of(ClassificationLevel.CONFIDENTIAL, false),
                Classification.of(ClassificationLevel.SECRET, false));
        assertThat(disclosure.mayReadAll(C_FOREIGN, parts)).isFalse();
        assertThat(disclosure.mayReadAll(S_FOREIGN, parts)).isTrue();
        assertThat(disclosure.mayReadAll(ANON, List.of())).isFalse();
    }

    @Test
    void aNoteWithNothingAttachedStaysAbsent() {
        assertThat(disclosure.note(S_US, Classification.UNCLASSIFIED, null)).isNull();
    }

    @Test
    void theMoreRestrictiveOfTwoClassificationsIsTheHigherLevelRestrictedWhenEitherIs() {
        Classification a = Classification.of(ClassificationLevel.SECRET, false);
        Classification b = Classification.of(ClassificationLevel.CONFIDENTIAL, true);
        assertThat(a.atLeast(b)).isEqualTo(Classification.of(ClassificationLevel.SECRET, true));
        assertThat(b.atLeast(null)).isEqualTo(b);
    }

    @Test
    void theSqlCounterpartSelectsExactlyTheRowsTheDecisionShows() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:disclosure-" + System.nanoTime())) {
            try (Statement s = c.createStatement()) {
                s.execute("create table portion (id int primary key, level_rank smallint, foreign_restricted boolean,"
                        + " controls varchar(100))");
            }
            List<Classification> all = new ArrayList<>();
            try (PreparedStatement ins = c.prepareStatement("insert into portion values (?, ?, ?, ?)")) {
                int id = 0;
                for (ClassificationLevel level : ClassificationLevel.values()) {
                    for (boolean foreign : new boolean[] {false, true}) {
                        all.add(Classification.of(level, foreign));
                        ins.setInt(1, id++);
                        ins.setShort(2, (short) level.ordinal());
                        ins.setBoolean(3, foreign);
                        ins.setString(4, foreign ? "NOFORN" : "");
                        ins.executeUpdate();
                    }
                }
            }
            for (Reader reader : List.of(ANON, U_ONLY, C_FOREIGN, S_FOREIGN, S_US, TS_US_ADMIN)) {
                Set<Integer> expected = new HashSet<>();
                for (int i = 0; i < all.size(); i++) {
                    if (disclosure.mayRead(reader, all.get(i))) {
                        expected.add(i);
                    }
                }
                // a boolean column, and a condition true for a restricted row (as over a cable's controls)
                assertThat(select(c, disclosure.nativeSql(reader, "level_rank", "foreign_restricted")))
                        .as("column form for %s", reader.username()).isEqualTo(expected);
                assertThat(select(c, disclosure.nativeSql(reader, "level_rank", "controls like '%NOFORN%'")))
                        .as("condition form for %s", reader.username()).isEqualTo(expected);
                Disclosure.SqlCondition named = disclosure.sql(reader, "level_rank", "foreign_restricted", "p");
                String asNative = named.text();
                List<Object> values = new ArrayList<>();
                for (var e : named.params().entrySet()) {
                    asNative = asNative.replace(":" + e.getKey(), "?");
                    values.add(e.getValue());
                }
                assertThat(select(c, new Disclosure.SqlCondition(asNative, named.params(), values)))
                        .as("named form for %s", reader.username()).isEqualTo(expected);
            }
        }
    }

    private static Set<Integer> select(Connection c, Disclosure.SqlCondition cond) throws Exception {
        Set<Integer> out = new HashSet<>();
        try (PreparedStatement q = c.prepareStatement("select id from portion where " + cond.text())) {
            for (int i = 0; i < cond.positional().size(); i++) {
                q.setObject(i + 1, cond.positional().get(i));
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
        }
        return out;
    }

    @Test
    void theSearchAudiencesAgreeWithTheDecisionForEveryReaderAndMarking() {
        List<Reader> readers = List.of(ANON, C_FOREIGN, S_US, S_FOREIGN, TS_US_ADMIN, U_ONLY);
        for (ClassificationLevel level : ClassificationLevel.values()) {
            for (boolean foreign : new boolean[] {false, true}) {
                Classification c = new Classification(level, foreign);
                List<String> audiences = disclosure.audiences(c);
                assertThat(disclosure.allAudiences()).containsAll(audiences);
                for (Reader r : readers) {
                    boolean matched = disclosure.audience(r) != null && audiences.contains(disclosure.audience(r));
                    assertThat(matched).as(r.username() + " on " + c).isEqualTo(disclosure.mayRead(r, c));
                }
            }
        }
        assertThat(disclosure.audience(ANON)).isNull();
        assertThat(disclosure.allAudiences()).hasSize(2 * ClassificationLevel.values().length).doesNotHaveDuplicates();
    }
}
