package org.declass.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditCsvTest {

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaGetsAQuoteBeforeIt() {
        assertThat(AuditCsv.cell("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(AuditCsv.cell("+1+2")).isEqualTo("'+1+2");
        assertThat(AuditCsv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsv.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(AuditCsv.cell("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void aCellThatBeginsWithAQuoteGetsOneMoreSoThatDroppingOneAlwaysGivesTheStoredValue() {
        assertThat(AuditCsv.cell("'=1")).isEqualTo("''=1");
        for (String stored : new String[] {"'=1", "=1", "'", "plain", "a=b", " =1"}) {
            String cell = AuditCsv.cell(stored);
            assertThat(cell.startsWith("'") ? cell.substring(1) : cell).isEqualTo(stored);
        }
    }

    @Test
    void ordinaryCellsAreWrittenAsStored() {
        assertThat(AuditCsv.cell("reviewer")).isEqualTo("reviewer");
        assertThat(AuditCsv.cell("REDACTION_ADDED")).isEqualTo("REDACTION_ADDED");
        assertThat(AuditCsv.cell("")).isEmpty();
        assertThat(AuditCsv.cell(null)).isNull();
    }
}
