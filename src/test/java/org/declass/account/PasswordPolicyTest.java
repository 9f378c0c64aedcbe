package org.declass.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void twelveCharactersThatAreNotTheUserNameAreAccepted() {
        assertThat(PasswordPolicy.problem("clerk", "correct-horse")).isEmpty();
        assertThat(PasswordPolicy.problem("clerk", "abcdefghijkl")).isEmpty();
    }

    @Test
    void elevenCharactersAreRefusedAndTheReasonNamesTheMinimum() {
        assertThat(PasswordPolicy.problem("clerk", "abcdefghijk")).hasValueSatisfying(
                p -> assertThat(p).contains("at least 12 characters"));
    }

    @Test
    void lengthCountsCharactersNotBytesOrUtf16Units() {
        // eleven letters outside the Basic Multilingual Plane: 22 UTF-16 units, still 11 characters
        assertThat(PasswordPolicy.problem("clerk", "𝒜".repeat(11))).isPresent();
        assertThat(PasswordPolicy.problem("clerk", "é".repeat(12))).isEmpty();
    }

    @Test
    void thePasswordMayNotBeOrContainTheUserNameInAnyCase() {
        assertThat(PasswordPolicy.problem("clerk.smithson", "clerk.smithson")).hasValueSatisfying(
                p -> assertThat(p).contains("user name"));
        assertThat(PasswordPolicy.problem("clerk.smithson", "My-CLERK.Smithson-2026")).hasValueSatisfying(
                p -> assertThat(p).contains("user name"));
    }

    @Test
    void thePasswordMayNotContainTheUserNameReversed() {
        assertThat(PasswordPolicy.problem("clerk.smith", "xx-HTIMS.krelc-xx")).hasValueSatisfying(
                p -> assertThat(p).contains("reversed"));
    }

    @Test
    void aPasswordBcryptWouldCutIsRefused() {
        assertThat(PasswordPolicy.problem("clerk", "a".repeat(72))).isEmpty();
        assertThat(PasswordPolicy.problem("clerk", "a".repeat(73))).hasValueSatisfying(
                p -> assertThat(p).contains("72 bytes"));
    }

    @Test
    void anEmptyMissingOrBlankPasswordIsRefused() {
        assertThat(PasswordPolicy.problem("clerk", null)).contains("a password is required");
        assertThat(PasswordPolicy.problem("clerk", "")).contains("a password is required");
        assertThat(PasswordPolicy.problem("clerk", " ".repeat(14))).isPresent();
    }

    @Test
    void noMessageQuotesThePassword() {
        String password = "clerk-secret";
        assertThat(PasswordPolicy.problem("clerk", password)).hasValueSatisfying(
                p -> assertThat(p).doesNotContain(password));
    }
}
