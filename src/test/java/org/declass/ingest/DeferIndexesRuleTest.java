package org.declass.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.declass.ingest.DeferredIndexes.Mode;
import org.junit.jupiter.api.Test;

/** When an import builds its indexes after its rows, and how it writes an index column back (plain JUnit). */
class DeferIndexesRuleTest {

    @Test
    void autoDefersOnlyALargeImportThatAtLeastDoublesWhatIsStored() {
        assertThat(DeferredIndexes.worthDeferring(Mode.AUTO, true, 251_287, 0)).isTrue();
        assertThat(DeferredIndexes.worthDeferring(Mode.AUTO, true, 20_000, 20_000)).isTrue();
        assertThat(DeferredIndexes.worthDeferring(Mode.AUTO, true, 20_000, 20_001)).isFalse();
        assertThat(DeferredIndexes.worthDeferring(Mode.AUTO, true, DeferredIndexes.AUTO_MIN_CABLES - 1, 0)).isFalse();
        assertThat(DeferredIndexes.worthDeferring(Mode.AUTO, true, 0, 0)).as("an unknown size").isFalse();
    }

    @Test
    void alwaysAndNeverOverrideTheSizesButNothingIsDeferredOnPostgresql() {
        assertThat(DeferredIndexes.worthDeferring(Mode.ALWAYS, true, 1, 1_000_000)).isTrue();
        assertThat(DeferredIndexes.worthDeferring(Mode.NEVER, true, 251_287, 0)).isFalse();
        assertThat(DeferredIndexes.worthDeferring(Mode.ALWAYS, false, 251_287, 0)).isFalse();
        assertThat(DeferredIndexes.worthDeferring(Mode.AUTO, false, 251_287, 0)).isFalse();
    }

    @Test
    void theModeIsReadWhateverItsCaseAndAnUnknownOneIsRefusedByName() {
        assertThat(Mode.of(" Always ")).isEqualTo(Mode.ALWAYS);
        assertThat(Mode.of("auto")).isEqualTo(Mode.AUTO);
        assertThatThrownBy(() -> Mode.of("sometimes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("declass.import.defer-indexes").hasMessageContaining("'sometimes'");
    }

    @Test
    void aColumnIsWrittenBackWithItsOrderAndOnlyANullOrderThatIsNotTheDefault() {
        assertThat(DeferredIndexes.column("CABLE_DATE", "ASC", "FIRST")).isEqualTo("\"CABLE_DATE\"");
        assertThat(DeferredIndexes.column("DECLASS_DATE", "ASC", "LAST")).isEqualTo("\"DECLASS_DATE\" NULLS LAST");
        assertThat(DeferredIndexes.column("SORT_DAY", "DESC", "LAST")).isEqualTo("\"SORT_DAY\" DESC");
        assertThat(DeferredIndexes.column("SORT_DAY", "DESC", "FIRST")).isEqualTo("\"SORT_DAY\" DESC NULLS FIRST");
        assertThat(DeferredIndexes.column("A\"B", "ASC", null)).isEqualTo("\"A\"\"B\"");
    }
}
