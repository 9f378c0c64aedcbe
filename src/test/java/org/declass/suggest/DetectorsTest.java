package org.declass.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The detectors one rule at a time, on sentences written the way cables write them. */
class DetectorsTest {

    private final Detectors detectors = new Detectors();

    private List<String> found(String text, Kind kind) {
        return detectors.find(text).stream().filter(d -> d.kind() == kind)
                .map(d -> text.substring(d.start(), d.end())).toList();
    }

    private Detection only(String text, Kind kind) {
        List<Detection> all = detectors.find(text).stream().filter(d -> d.kind() == kind).toList();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void aTitleAndTheNameAfterItAreOneSuggestionWithThePrivacyCode() {
        String text = "1. (C) Deputy Director Joseph Camilleri-Vella told poloff on May 20 that the forces rescued"
                + " 1,214 migrants.";
        assertThat(found(text, Kind.NAME)).containsExactly("Deputy Director Joseph Camilleri-Vella");
        Detection d = only(text, Kind.NAME);
        assertThat(d.code()).isEqualTo("(b)(6)");
        assertThat(d.confidence()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aRankWrittenInFullOrShortIsATitle() {
        assertThat(found("The attache met Lieutenant Colonel Farrukh Sattarov of the ministry.", Kind.NAME))
                .containsExactly("Lieutenant Colonel Farrukh Sattarov");
        assertThat(found("He met Lt. Col. Farrukh Sattarov and Dr. Hamid El Ouazzani on Monday.", Kind.NAME))
                .containsExactly("Lt. Col. Farrukh Sattarov", "Dr. Hamid El Ouazzani");
    }

    @Test
    void aNameBrokenAcrossALineIsOneSuggestion() {
        assertThat(found("(S//NF) On January 15 the attache met Lieutenant\nColonel Farrukh Sattarov of the MOD.",
                Kind.NAME)).containsExactly("Lieutenant\nColonel Farrukh Sattarov");
    }

    @Test
    void namesInACableWrittenAllInCapitalsAreFound() {
        String text = "2. INTERIOR MINISTER RASHID AL-AMIRI TOLD THE AMBASSADOR ON SEPTEMBER 2 THAT THE COAST GUARD"
                + " NEEDS FOUR MORE PATROL BOATS.  THE MINISTER ASKED FOR HELP WITH TRAINING IN ADEN.";
        assertThat(found(text, Kind.NAME)).containsExactly("INTERIOR MINISTER RASHID AL-AMIRI");
    }

    @Test
    void titlesWithoutANameMonthsAndInstitutionsAreNotNames() {
        String text = "The Deputy Prime Minister declined to comment.  The Secretary General of the Supreme Council"
                + " met the Ambassador December 3 before the General Assembly; the Minister of State for Foreign"
                + " Affairs told the Director General that the Emir will travel.";
        assertThat(found(text, Kind.NAME)).isEmpty();
    }

    @Test
    void aNameFollowedByItsTitleOrByAVerbOfSpeechIsFound() {
        assertThat(found("Tor Inge Haldorsen, senior vice president at the company, spoke first.", Kind.NAME))
                .containsExactly("Tor Inge Haldorsen");
        assertThat(found("Afterwards Innocent Chukwuma said ballots had not arrived.", Kind.NAME))
                .containsExactly("Innocent Chukwuma");
    }

    @Test
    void aNameFieldOfAListIsFoundSurnameFirst() {
        assertThat(found("Name:              BRAMWELL, Desmond Aloysius\nGender:            Male", Kind.NAME))
                .containsExactly("BRAMWELL, Desmond Aloysius");
    }

    @Test
    void laterMentionsOfANameFoundEarlierAreFoundToo() {
        List<List<Detection>> found = detectors.find(List.of(
                "1. (C) Deputy Director Joseph Camilleri-Vella told poloff about rescues.",
                "2. (C) Camilleri-Vella complained that only 92 people were resettled."));
        Detection later = found.get(1).get(0);
        assertThat(later.kind()).isEqualTo(Kind.NAME);
        assertThat("2. (C) Camilleri-Vella complained".substring(later.start(), later.end()))
                .isEqualTo("Camilleri-Vella");
    }

    @Test
    void aNameTheCableMarksProtectIsASourceUnder25X1AndSoAreItsLaterMentions() {
        String text = "A longtime contact, Andrus Kivimagi (STRICTLY PROTECT), described the dispute.  Kivimagi"
                + " asked that we not raise it.";
        assertThat(found(text, Kind.SOURCE)).containsExactly("Andrus Kivimagi", "Kivimagi");
        assertThat(detectors.find(text)).filteredOn(d -> d.kind() == Kind.SOURCE)
                .allSatisfy(d -> assertThat(d.code()).isEqualTo("25X1"));
        assertThat(found(text, Kind.NAME)).isEmpty();
    }

    @Test
    void aNameMarked50X1HumIsASourceUnderThatCode() {
        Detection d = only("The defector, Pak Chol-su (50X1-HUM), carried a diplomatic passport.", Kind.SOURCE);
        assertThat(d.code()).isEqualTo("50X1-HUM");
    }

    @Test
    void protectAsAVerbAndProtectionAreNotMarkers() {
        assertThat(found("The court will protect the witness under the Witness Protection Act.", Kind.SOURCE))
                .isEmpty();
        assertThat(found("CUSTOMS AND BORDER PROTECTION WASHINGTON DC", Kind.SOURCE)).isEmpty();
    }

    @Test
    void aMarkerWithNoNameBeforeItIsSuggestedItselfWithLessConfidence() {
        String text = "NOTORIOUS CIVILIAN SUPPORTERS, SOME OF THEM STRICTLY PROTECT, ARE LOOKING BEYOND THE REGIME.";
        Detection d = only(text, Kind.SOURCE);
        assertThat(text.substring(d.start(), d.end())).isEqualTo("STRICTLY PROTECT");
        assertThat(d.confidence()).isLessThan(0.8);
    }

    @Test
    void phoneNumbersInTheFormatsCablesUseAreFound() {
        assertThat(found("The press office is at +372 640 7711 or (598) 2915 8333; tel. 876-702-6000;"
                + " RSO telephone number 58-212-975-6411.", Kind.PHONE))
                .containsExactly("+372 640 7711", "(598) 2915 8333", "876-702-6000", "58-212-975-6411");
    }

    @Test
    void cableNumbersDatesDateTimeGroupsAndAmountsAreNotPhoneNumbers() {
        String text = "DE RUEHDBU #0417/01 1581230\nP 061230Z JUN 08\nTO RUEHC/SECSTATE WASHDC PRIORITY 2231\n"
                + "REF: A. DUSHANBE 388 B. STATE 51122\nE.O. 12958: DECL: 06/06/2018\nThe mill exported 1,160,000"
                + " tons; case number 07-20455-CR was filed on 2007-05-03; 5,400 workers.";
        assertThat(found(text, Kind.PHONE)).isEmpty();
    }

    @Test
    void eMailAddressesAreFoundInEitherCase() {
        assertThat(found("Contact OkaforTL@state-invented.gov or LINDQVISTAB@STATE.SGOV-INVENTED.GOV for details.", Kind.EMAIL))
                .containsExactly("OkaforTL@state-invented.gov", "LINDQVISTAB@STATE.SGOV-INVENTED.GOV");
    }

    @Test
    void aNumberAfterTheWordForItsDocumentIsAnIdentityNumber() {
        assertThat(found("Passport No.:      A3318207\nService No.:       JDF/44718\nnational ID number"
                + " 63-1187294-K-44", Kind.IDENTITY_NUMBER)).containsExactly("A3318207", "JDF/44718",
                "63-1187294-K-44");
        assertThat(found("The document of 2009 and E.O. 12958 are cited.", Kind.IDENTITY_NUMBER)).isEmpty();
    }

    @Test
    void namesInALawEnforcementContextSuggestB7C() {
        Detection d = only("Police detained Blessing Chikore, a lawyer, who said he was charged.", Kind.NAME);
        assertThat(d.code()).isEqualTo("(b)(7)(C)");
    }

    @Test
    void suggestionIdsAreStableAndRejectionKeysIgnoreCaseAndSpacing() {
        Suggestion.Portion p = new Suggestion.Portion(3, "3", "Deputy Director Joseph Camilleri-Vella spoke.",
                List.of(), false);
        List<Suggestion> first = Suggestion.find(detectors, List.of(p), Set.of());
        List<Suggestion> again = Suggestion.find(new Detectors(), List.of(p), Set.of());
        assertThat(first).hasSize(1);
        assertThat(first.get(0).id()).hasSize(Suggestion.ID_LENGTH).isEqualTo(again.get(0).id());
        assertThat(Suggestion.rejectionKey(3, Kind.NAME, "Deputy  Director\nJOSEPH Camilleri-Vella"))
                .isEqualTo(first.get(0).rejectionKey());
        assertThat(Suggestion.find(detectors, List.of(p), Set.of(first.get(0).rejectionKey()))).isEmpty();
    }

    @Test
    void spansAlreadyRedactedAndParagraphsWithheldInFullAreNotSuggested() {
        String text = "Deputy Director Joseph Camilleri-Vella spoke.";
        assertThat(Suggestion.find(detectors, List.of(new Suggestion.Portion(1, "1", text,
                List.of(new int[] {0, 15}, new int[] {15, 38}), false)), Set.of())).isEmpty();
        assertThat(Suggestion.find(detectors, List.of(new Suggestion.Portion(1, "1", text,
                List.of(new int[] {16, 22}), false)), Set.of())).hasSize(1);
        assertThat(Suggestion.find(detectors, List.of(new Suggestion.Portion(1, "1", text, List.of(), true)),
                Set.of())).isEmpty();
    }

    @Test
    void protectAfterAnInstitutionProtectsThePersonNamedEarlierInTheSentence() {
        String text = "Marta Ellingsen-Vik, Deputy Chair of the NLP (PROTECT), said the party would split.  The NLP"
                + " denied it, and Ellingsen-Vik left for Oslo.";
        assertThat(found(text, Kind.SOURCE)).containsExactly("Marta Ellingsen-Vik", "Ellingsen-Vik");
        assertThat(found(text, Kind.NAME)).isEmpty();
    }

    @Test
    void acronymsAndNamesAlreadyWithheldAreNotNames() {
        assertThat(found("Ambassador ICRC met the DPM.  A source, XXXXXXXXXXXX (STRICTLY PROTECT), told us more.",
                Kind.NAME)).isEmpty();
    }

    @Test
    void reportNumbersAreNotPhoneNumbers() {
        assertThat(found("REF: A. TD-315/20417-09 B. USDAO HANOI IIR 6 844 0219 09", Kind.PHONE)).isEmpty();
        assertThat(found("questions about this case (703-326-4710 - the desk)", Kind.PHONE))
                .containsExactly("703-326-4710");
    }
}
