package org.declass.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The message cookie: signed, short-lived, and only ever one of the fixed texts with cleaned arguments. */
class FlashTest {

    static final String KEY = "a-test-key-of-enough-length-0123456789";

    @Test
    void aMessageSurvivesTheRoundTripUnderTheSameKeyOnAnyInstance() {
        String cookie = Flash.encode(KEY, Notice.of(Notice.Kind.MARKED_BANNER, "01X1", "2", "(S)", "CONFIDENTIAL",
                "SECRET"), 1_000);
        assertThat(Flash.decode(KEY, cookie, 999)).get().extracting(Notice::text)
                .isEqualTo("Paragraph 2 marked (S); banner raised CONFIDENTIAL → SECRET.");
    }

    @Test
    void aCookieUnderAnotherKeyOrChangedOrExpiredIsIgnored() {
        String cookie = Flash.encode(KEY, Notice.of(Notice.Kind.CLAIMED, "01X1"), 1_000);
        assertThat(Flash.decode("another-key-0123456789", cookie, 999)).isEmpty();
        assertThat(Flash.decode(KEY, "A" + cookie, 999)).isEmpty();
        assertThat(Flash.decode(KEY, cookie, 1_001)).isEmpty();
        assertThat(Flash.decode(KEY, "no-dot-at-all", 0)).isEmpty();
    }

    @Test
    void argumentsLoseMarkupAndOnlyTheDuplicateLinksToACablePathBuiltFromANumber() {
        Notice n = Notice.of(Notice.Kind.DUPLICATE, "12", "<script>alert(1)</script>05ROME1");
        assertThat(n.linkText()).isEqualTo("scriptalert(1)/script05ROME1");
        assertThat(n.href()).isEqualTo("/cables/12");
        assertThat(Notice.of(Notice.Kind.DUPLICATE, "javascript:x", "r").href()).isNull();
        assertThat(Notice.of(Notice.Kind.CLAIMED, "r").href()).isNull();
    }
}
