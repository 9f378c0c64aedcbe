package org.declass.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AttemptedNameTest {

    static final CheckpointSigner KEY = CheckpointSigner.ofText("test-only-audit-checkpoint-key-0123456789");
    static final Map<String, String> ACCOUNTS = AttemptedName.accounts(List.of("approver", "reviewer"), KEY);
    static final String UNKNOWN = "unknown name \\((\\d+) characters?, fingerprint [0-9a-f]{8}\\)";

    static String shown(String typed) {
        return AttemptedName.of(typed, KEY).shown(ACCOUNTS);
    }

    @Test
    void theNameOfAnExistingAccountIsShownAsTheAccountStoresIt() {
        assertThat(shown("approver")).isEqualTo("approver");
        assertThat(shown("apprOver")).isEqualTo("approver");
        assertThat(shown("REVIEWER")).isEqualTo("reviewer");
    }

    @Test
    void anythingElseIsShownAsItsLengthAndFingerprintNeverAsTyped() {
        assertThat(shown("system:release")).matches(UNKNOWN).contains("14 characters").doesNotContain("system");
        assertThat(shown("hunter2-password")).matches(UNKNOWN).contains("16 characters").doesNotContain("hunter2");
        assertThat(shown("\u0430pprover")).as("a Cyrillic a").matches(UNKNOWN).contains("8 characters");
        assertThat(shown("approver ")).as("a trailing space").matches(UNKNOWN);
        assertThat(shown("x")).isEqualTo("unknown name (1 character, fingerprint "
                + AttemptedName.of("x", KEY).fingerprint() + ")");
        assertThat(shown("evil\u0007\nFAKE ENTRY")).matches(UNKNOWN).doesNotContain("FAKE").doesNotContain("\n");
        assertThat(shown(null)).isEqualTo("no name");
        assertThat(shown("")).isEqualTo("no name");
    }

    @Test
    void theFingerprintIsStableForOneKeyIgnoresCaseAndDiffersUnderAnotherKey() {
        String a = AttemptedName.of("nobody-here", KEY).fingerprint();
        assertThat(AttemptedName.of("nobody-here", CheckpointSigner.ofText("test-only-audit-checkpoint-key-0123456789"))
                .fingerprint()).isEqualTo(a);
        assertThat(AttemptedName.of("NOBODY-here", KEY).fingerprint()).isEqualTo(a);
        assertThat(AttemptedName.of("nobody-here", CheckpointSigner.ofText("another-key-of-at-least-16-bytes"))
                .fingerprint()).isNotEqualTo(a);
        assertThat(AttemptedName.of("nobody-there", KEY).fingerprint()).isNotEqualTo(a);
    }

    @Test
    void theListOfNamesFitsTheColumnAndSaysHowManyWereLeftOut() {
        String unknown = "unknown name (16 characters, fingerprint 0a1b2c3d)";
        assertThat(AttemptedName.list(List.of("approver", unknown), 0, false, 200))
                .isEqualTo("approver; " + unknown);
        assertThat(AttemptedName.list(List.of("approver", "reviewer"), 4, false, 200))
                .isEqualTo("approver; reviewer; and 4 more");
        String five = AttemptedName.list(List.of(unknown, unknown, unknown, unknown, unknown), 59, true, 200);
        assertThat(five).hasSizeLessThanOrEqualTo(200).startsWith(unknown + "; " + unknown + "; " + unknown)
                .endsWith("; and at least 61 more");
        assertThat(AttemptedName.list(List.of("x".repeat(300)), 0, false, 200)).isEqualTo("and 1 more");
    }

    @Test
    void noControlOrFormatCharacterSurvivesAsPrintable() {
        assertThat(AttemptedName.printable("a\u0000b\u001bc\u202ed\u200be\u2028f\tg")).isEqualTo("abcdefg");
    }

    @Test
    void aBurstCountsFailuresAndRefusalsAndKeepsFiveDistinctNames() {
        SignInAudit.Burst b = new SignInAudit.Burst(new SignInAudit.Source("10.0.0.5", "form"));
        Instant t = Instant.parse("2026-03-01T12:00:01Z");
        for (int i = 0; i < 7; i++) {
            b.add(AttemptedName.of("name-" + (i % 6), KEY), t.plusSeconds(i * 6L + 3), i >= 5);
        }
        b.add(AttemptedName.of("NAME-0", KEY), t, false);
        assertThat(b.note()).isEqualTo("8 failed sign-ins (form) from 10.0.0.5 between 12:00:01 and 12:00:40 UTC,"
                + " 2 of them refused while blocked");
        assertThat(b.names).hasSize(5);
        assertThat(b.distinct).hasSize(6);
        assertThat(b.names(Map.of())).endsWith("; and 3 more").doesNotContain("name-");
    }

    @Test
    void aMechanismOrAddressOutsideTheExpectedFormIsNeutralised() {
        assertThat(SignInAudit.mechanism("form")).isEqualTo("form");
        assertThat(SignInAudit.mechanism("form\nFAKE")).isEqualTo("other");
        assertThat(SignInAudit.mechanism(null)).isEqualTo("other");
        assertThat(SignInAudit.address("10.0.0.5\r\nFAKE")).isEqualTo("10.0.0.5FAKE");
        assertThat(SignInAudit.address(null)).isEqualTo("an unknown address");
        assertThat(SignInAudit.address("9".repeat(100))).hasSize(64);
    }

    @Test
    void theBasicHeaderGivesTheNameBeforeTheFirstColon() {
        String header = "Basic " + java.util.Base64.getEncoder().encodeToString("system:release:pw".getBytes());
        assertThat(SignInAudit.basicUser(header)).isEqualTo("system");
        assertThat(SignInAudit.basicUser("Basic !!!")).isNull();
    }
}
