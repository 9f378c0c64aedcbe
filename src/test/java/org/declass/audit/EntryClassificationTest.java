package org.declass.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.declass.marking.ClassificationLevel;
import org.declass.redaction.Placeholders;
import org.declass.security.Classification;
import org.declass.security.Disclosure;
import org.declass.security.Reader;
import org.junit.jupiter.api.Test;

/** What an entry's note is classified at, and what a reader is shown of it. Plain JUnit. */
class EntryClassificationTest {

    static final Classification U = Classification.UNCLASSIFIED;
    static final Classification C = Classification.of(ClassificationLevel.CONFIDENTIAL, false);
    static final Classification S = Classification.of(ClassificationLevel.SECRET, false);
    static final Classification S_NF = Classification.of(ClassificationLevel.SECRET, true);
    static final Classification TS = Classification.of(ClassificationLevel.TOP_SECRET, false);

    static final Reader AUDITOR2 = new Reader("auditor2", Set.of("AUDITOR"), ClassificationLevel.CONFIDENTIAL, false,
            false);
    static final Reader AUDITOR = new Reader("auditor", Set.of("AUDITOR"), ClassificationLevel.SECRET, true, false);

    /** Cable 1: banner SECRET, paragraphs 1 (U), 2 (S), 3 (C). Cable 2: banner C, but paragraph 1 is (TS). */
    static final Map<Long, AttachedClassifications.CableClassifications> CABLES = Map.of(
            1L, new AttachedClassifications.CableClassifications(S, Map.of(1, U, 2, S, 3, C)),
            2L, new AttachedClassifications.CableClassifications(C, Map.of(1, TS)));

    static AuditRecord entry(String action, Long cable, Integer paragraph, String note) {
        return new AuditRecord(7, Instant.parse("2026-01-01T00:00:00Z"), "reviewer", "REVIEWER", action, cable,
                cable == null ? null : "09TEST" + cable, paragraph, paragraph == null ? null : 3,
                paragraph == null ? null : 11, "25X1", null, null, note, "r1", "127.0.0.1", null, "0".repeat(64),
                "a".repeat(64));
    }

    @Test
    void aNoteOnAParagraphIsClassifiedAtThatParagraphNotAtTheBanner() {
        assertThat(EntryClassification.of(entry("REDACTION_ADDED", 1L, 2, "n"), CABLES)).isEqualTo(S);
        assertThat(EntryClassification.of(entry("REDACTION_ADDED", 1L, 1, "n"), CABLES)).isEqualTo(U);
        assertThat(EntryClassification.of(entry("MARKING_CHANGED", 1L, 3, "n"), CABLES)).isEqualTo(C);
    }

    @Test
    void aNoteOnTheWholeCableIsClassifiedAtItsBanner() {
        assertThat(EntryClassification.of(entry("STATE_CHANGED", 1L, null, "hold"), CABLES)).isEqualTo(S);
        assertThat(EntryClassification.of(entry("CABLE_APPROVED", 1L, null, "ok"), CABLES)).isEqualTo(S);
    }

    @Test
    void aMisMarkedCableCountsAsItsHighestPortionAndAnUnknownParagraphAsTheWholeCable() {
        assertThat(EntryClassification.of(entry("STATE_CHANGED", 2L, null, "n"), CABLES)).isEqualTo(TS);
        assertThat(EntryClassification.of(entry("REDACTION_ADDED", 1L, 99, "n"), CABLES)).isEqualTo(S);
    }

    @Test
    void aNoteWithNoCableOrOnAReadOfTheTrailIsUnclassified() {
        assertThat(EntryClassification.of(entry("LOGIN_FAILED", null, null, "n"), CABLES)).isEqualTo(U);
        assertThat(EntryClassification.of(entry("ACCOUNT_CREATED", null, null, "n"), CABLES)).isEqualTo(U);
        assertThat(EntryClassification.of(entry("AUDIT_QUERIED", 1L, null, "filter cable=1"), CABLES)).isEqualTo(U);
    }

    @Test
    void aNoteOnACableThatCannotBeFoundIsTopSecretRestricted() {
        assertThat(EntryClassification.of(entry("STATE_CHANGED", 404L, null, "n"), CABLES))
                .isEqualTo(Classification.of(ClassificationLevel.TOP_SECRET, true));
    }

    @Test
    void aReaderNotClearedSeesThePlaceholderWithTheLevelAndNoOffsetsWhileTheHashStays() {
        EntryLens lens = new EntryLens(new Disclosure(), ids -> CABLES,
                AUDITOR2, 100);
        AuditRecord secret = entry("REDACTION_ADDED", 1L, 2, "program name ALPHA");
        AuditRecord shown = lens.shown(secret);
        assertThat(shown.note()).isEqualTo(Placeholders.withheldNote(ClassificationLevel.SECRET, false))
                .isEqualTo("[withheld: (S) note]");
        assertThat(shown.spanStart()).isNull();
        assertThat(shown.spanEnd()).isNull();
        assertThat(shown.hash()).isEqualTo(secret.hash());
        assertThat(shown.codes()).isEqualTo("25X1");
        assertThat(lens.withheld(secret)).containsExactly("note", "span_start", "span_end");
        assertThat(lens.view(secret).withheld()).isTrue();

        AuditRecord confidential = entry("REDACTION_ADDED", 1L, 3, "fine");
        assertThat(lens.shown(confidential)).isSameAs(confidential);
        assertThat(lens.view(confidential).note()).isEqualTo("fine");

        EntryLens cleared = new EntryLens(new Disclosure(), ids -> CABLES, AUDITOR, 100);
        assertThat(cleared.shown(secret)).isSameAs(secret);
        assertThat(cleared.shown(entry("STATE_CHANGED", 2L, null, "x")).note()).isEqualTo("[withheld: (TS) note]");
    }

    @Test
    void aNoForeignPortionIsWithheldFromAReaderNotNofornEligible() {
        Map<Long, AttachedClassifications.CableClassifications> nf = Map.of(
                5L, new AttachedClassifications.CableClassifications(S_NF, Map.of(1, C)));
        EntryLens lens = new EntryLens(new Disclosure(), ids -> nf, new Reader("x", Set.of("AUDITOR"),
                ClassificationLevel.TOP_SECRET, false, false), 100);
        assertThat(lens.shown(entry("STATE_CHANGED", 5L, null, "r")).note()).isEqualTo("[withheld: (S//NF) note]");
        assertThat(lens.shown(entry("REDACTION_ADDED", 5L, 1, "r")).note()).isEqualTo("r");
    }

    @Test
    void classificationsAreLookedUpOncePerBatchAndTheCacheStaysBounded() {
        List<Collection<Long>> calls = new ArrayList<>();
        AttachedClassifications source = ids -> {
            calls.add(List.copyOf(ids));
            Map<Long, AttachedClassifications.CableClassifications> out = new HashMap<>();
            ids.forEach(id -> out.put(id, new AttachedClassifications.CableClassifications(S, Map.of())));
            return out;
        };
        EntryLens lens = new EntryLens(new Disclosure(), source, AUDITOR2, 16);
        List<AuditRecord> batch = new ArrayList<>();
        for (long cable = 1; cable <= 10; cable++) {
            batch.add(entry("STATE_CHANGED", cable, null, "n"));
            batch.add(entry("REDACTION_ADDED", cable, 1, "n"));
        }
        batch.add(entry("LOGIN_FAILED", null, null, "n"));
        lens.prepare(batch);
        batch.forEach(lens::shown);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).hasSize(10);
        lens.prepare(batch);
        assertThat(calls).hasSize(1);

        List<AuditRecord> many = new ArrayList<>();
        for (long cable = 100; cable < 200; cable++) {
            many.add(entry("STATE_CHANGED", cable, null, "n"));
        }
        lens.prepare(many);
        many.forEach(lens::shown);
        assertThat(calls).hasSize(2);
        // beyond the batch, only the 16 most recent cables are kept: cable 1 is looked up again, alone
        lens.shown(entry("STATE_CHANGED", 1L, null, "n"));
        assertThat(calls).hasSize(3);
        assertThat(calls.get(2)).containsExactly(1L);
    }
}
