package org.declass.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Fingerprints: what makes two bodies the same, nearly the same, or share a passage. */
class FingerprintsTest {

    static final String LONG = "The invented ferry line between Riga and Stockholm changed hands on Monday after the"
            + " minority owner sold its stake to a holding company registered in Cyprus. Port officials told econoff"
            + " that the new owners plan to add a second vessel in the spring and to keep the crews. The ministry of"
            + " transport has not commented, and the competition council says it was not notified of the sale.";

    static Fingerprints.Fingerprint of(String... paragraphs) {
        List<Integer> seqs = new java.util.ArrayList<>();
        for (int i = 0; i < paragraphs.length; i++) {
            seqs.add(i + 1);
        }
        return Fingerprints.of(seqs, List.of(paragraphs));
    }

    @Test
    void caseSpacingLineBreaksAndPunctuationDoNotTellTwoBodiesApart() {
        Fingerprints.Fingerprint a = of("The ferry line, sold.", "Officials   told\neconoff.");
        Fingerprints.Fingerprint b = of("THE FERRY LINE SOLD", "officials told econoff");
        assertThat(a.bodyHash()).isEqualTo(b.bodyHash());
        assertThat(a.words()).isEqualTo(7);
    }

    @Test
    void aDifferentWordMakesADifferentBody() {
        assertThat(of("The ferry line was sold.").bodyHash()).isNotEqualTo(of("The ferry line was bought.").bodyHash());
    }

    @Test
    void aSmallEditLeavesABodyNearlyTheSameAndAnotherTextDoesNot() {
        Fingerprints.Fingerprint a = of(LONG);
        Fingerprints.Fingerprint edited = of(LONG.replace("second vessel", "third vessel"));
        Fingerprints.Fingerprint other = of("Embassy officers met the invented mayor of Daugavpils to discuss the"
                + " district heating tender, which closes next month; three foreign bidders remain and the council"
                + " expects to choose one before the winter season begins in earnest across the whole region.");
        double near = Fingerprints.similarity(a.minhash(), edited.minhash());
        assertThat(near).isGreaterThanOrEqualTo(Fingerprints.NEAR).isLessThan(1.0);
        assertThat(Fingerprints.similarity(a.minhash(), other.minhash())).isLessThan(0.2);
        assertThat(Fingerprints.similarity(a.minhash(), of(LONG).minhash())).isEqualTo(1.0);
    }

    @Test
    void aSharedBandMakesTwoNearlyEqualBodiesCandidates() {
        long[] a = of(LONG).bands();
        long[] b = of(LONG.replace("second vessel", "third vessel")).bands();
        assertThat(a).hasSize(Fingerprints.BANDS);
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        assertThat(same).isPositive().isLessThan(Fingerprints.BANDS);
    }

    @Test
    void onlyAParagraphOfEightWordsOrMoreIsAPassage() {
        Fingerprints.Fingerprint f = of("Embassy will report septel.", "one two three four five six seven eight");
        assertThat(f.passages()).extracting(Fingerprints.Passage::seq).containsExactly(2);
        assertThat(f.passages().get(0).hash())
                .isEqualTo(of("x", "One two three, four five six seven eight.").passages().get(0).hash());
    }

    @Test
    void theMinHashValuesSurviveStorage() {
        int[] m = of(LONG).minhash();
        assertThat(Fingerprints.decode(Fingerprints.encode(m))).containsExactly(m);
    }

    @Test
    void aBodyWithoutWordsHasNoMinHashAndNoBands() {
        Fingerprints.Fingerprint f = of("", "--");
        assertThat(f.words()).isZero();
        assertThat(f.minhash()).isEmpty();
        assertThat(f.bands()).isEmpty();
    }
}
