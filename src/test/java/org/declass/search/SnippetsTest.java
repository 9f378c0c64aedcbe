package org.declass.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Snippets: the hits inside marks, found with the index's own tokens, and everything else escaped. */
class SnippetsTest {

    @Test
    void aWordIsMarkedWhateverItsCaseOrAccents() {
        assertThat(Snippets.of(QueryParser.parse("louna harbor"),
                "The harbor authority of Kuressaare-Lõuna published its review."))
                .isEqualTo("The <mark>harbor</mark> authority of Kuressaare-<mark>Lõuna</mark> published its review.");
    }

    @Test
    void aPhraseIsMarkedAsOneHitAndOnlyWhereItsWordsFollowEachOther() {
        assertThat(Snippets.of(QueryParser.parse("\"dredging contract\""),
                "a contract for dredging, then a dredging contract"))
                .isEqualTo("a contract for dredging, then a <mark>dredging contract</mark>");
    }

    @Test
    void aPrefixMarksEveryWordItBegins() {
        assertThat(Snippets.of(QueryParser.parse("dredg*"), "Dredgers were dredging."))
                .isEqualTo("<mark>Dredgers</mark> were <mark>dredging</mark>.");
    }

    @Test
    void anExcludedWordIsNeverMarked() {
        assertThat(Snippets.of(QueryParser.parse("harbor -ministry"), "the harbor and the ministry"))
                .isEqualTo("the <mark>harbor</mark> and the ministry");
    }

    @Test
    void everythingButTheMarksIsHtmlEscaped() {
        assertThat(Snippets.of(QueryParser.parse("script"), "<script>alert('x & y')</script>"))
                .isEqualTo("&lt;<mark>script</mark>&gt;alert(&#39;x &amp; y&#39;)&lt;/<mark>script</mark>&gt;");
    }

    @Test
    void aLongTextIsCutAroundTheFirstHitAtWordBoundaries() {
        String text = "word ".repeat(60) + "needle " + "tail ".repeat(60);
        String s = Snippets.of(QueryParser.parse("needle"), text);
        assertThat(s).startsWith("… word").endsWith("tail …").contains("<mark>needle</mark>");
        assertThat(s.length()).isLessThan(220);
    }

    @Test
    void aTextWithoutAHitHasNoSnippet() {
        assertThat(Snippets.of(QueryParser.parse("needle"), "hay and more hay")).isNull();
        assertThat(Snippets.of(QueryParser.parse("needle"), null)).isNull();
    }

    @Test
    void plainAsciiTextIsMatchedWhateverItsCase() {
        assertThat(Snippets.of(QueryParser.parse("harbor"), "THE HARBOR OF RIGA")).isEqualTo("THE <mark>HARBOR</mark> OF RIGA");
        assertThat(Snippets.of(QueryParser.parse("\"riga harbor\""), "Riga  harbor")).isEqualTo("<mark>Riga harbor</mark>");
    }

    @Test
    void anAccentedTextIsMatchedByItsFoldedWordEvenWhenTheAsciiWordIsAbsent() {
        assertThat(Snippets.of(QueryParser.parse("cafe"), "the CAFÉ by the port")).isEqualTo("the <mark>CAFÉ</mark> by the port");
    }

    @Test
    void oneFinderGivesTheSameSnippetsOverManyTextsAsOneCallEach() {
        SearchQuery.All q = QueryParser.parse("dredg* OR \"port authority\" -ministry");
        Snippets.Finder finder = Snippets.of(q);
        String[] texts = {"Dredgers at the PORT AUTHORITY", "nothing here", "the port authority's ministry", "Dredging Ö",
            "", "port", "authority port authority"};
        for (String t : texts) {
            assertThat(finder.in(t)).as(t).isEqualTo(Snippets.of(q, t));
        }
        assertThat(finder.in("nothing here")).isNull();
        assertThat(finder.in("authority port authority")).isEqualTo("authority <mark>port authority</mark>");
    }
}
