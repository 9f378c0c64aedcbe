package org.declass.ingest.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RejectionTest {
    private final CableParser parser = new CableParser();

    private String rejected(String text) {
        ParseResult r = parser.parse(text, ParseHints.NONE);
        assertThat(r).isInstanceOf(ParseResult.Rejected.class);
        return ((ParseResult.Rejected) r).message();
    }

    @Test
    void emptyAndBlankTextAreRejectedAsEmpty() {
        assertThat(rejected("")).isEqualTo("empty text");
        assertThat(rejected("  \n\t\n")).isEqualTo("empty text");
        assertThat(parser.parse(null, null)).isEqualTo(new ParseResult.Rejected("empty text"));
    }

    @Test
    void aRecipeIsRejectedNamingWhatIsMissing() {
        String msg = rejected("Pancakes\n\nIngredients:\n2 eggs\n200 g flour\n300 ml milk\n\n1. Mix everything.\n"
                + "2. Fry in a hot pan.\nSubject to taste, add sugar.\n");
        assertThat(msg).contains("no cable structure").contains("classification line").contains("E.O. line")
                .contains("TAGS").contains("SUBJECT");
    }

    @Test
    void loremIpsumIsRejected() {
        rejected("Lorem ipsum dolor sit amet, consectetur adipiscing elit.\nSed do eiusmod tempor incididunt ut labore.\n");
    }

    @Test
    void aCsvFileIsRejected() {
        rejected("id,name,amount\n1,apples,3\n2,pears,5\n");
    }

    @Test
    void aSingleWordIsRejected() {
        rejected("CONFIDENTIAL");
        rejected("hello");
    }
}
