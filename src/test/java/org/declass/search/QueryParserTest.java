package org.declass.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.declass.search.SearchQuery.All;
import org.declass.search.SearchQuery.Any;
import org.declass.search.SearchQuery.Phrase;
import org.declass.search.SearchQuery.Prefix;
import org.declass.search.SearchQuery.Word;
import org.junit.jupiter.api.Test;

/** The query language, read without any engine: what each form means, and a named problem for each mistake. */
class QueryParserTest {

    @Test
    void wordsSeparatedBySpacesMustAllMatch() {
        assertThat(QueryParser.parse("harbor  dispute")).isEqualTo(
                new All(List.of(new Word("harbor"), new Word("dispute")), List.of()));
    }

    @Test
    void aQuotedPhraseIsItsWordsInOrder() {
        assertThat(QueryParser.parse("\"dredging contract\" tallinn")).isEqualTo(new All(
                List.of(new Phrase(List.of("dredging", "contract")), new Word("tallinn")), List.of()));
    }

    @Test
    void aQuotedSingleWordIsThatWord() {
        assertThat(QueryParser.parse("\"harbor\"").must()).containsExactly(new Word("harbor"));
    }

    @Test
    void aTrailingStarMakesAPrefix() {
        assertThat(QueryParser.parse("dredg*").must()).containsExactly(new Prefix("dredg"));
    }

    @Test
    void orJoinsTheTermsOnEitherSideAndBindsTighterThanAnd() {
        assertThat(QueryParser.parse("harbor tallinn OR riga OR \"port authority\"")).isEqualTo(new All(List.of(
                new Word("harbor"), new Any(List.of(new Word("tallinn"), new Word("riga"),
                        new Phrase(List.of("port", "authority"))))), List.of()));
    }

    @Test
    void orInLowerCaseIsAnOrdinaryWord() {
        assertThat(QueryParser.parse("this or that").must()).containsExactly(new Word("this"), new Word("or"),
                new Word("that"));
    }

    @Test
    void aLeadingMinusExcludesAWordAPhraseOrAGroup() {
        All q = QueryParser.parse("harbor -ministry -\"port authority\" -(riga OR tallinn)");
        assertThat(q.must()).containsExactly(new Word("harbor"));
        assertThat(q.excluded()).containsExactly(new Word("ministry"), new Phrase(List.of("port", "authority")),
                new Any(List.of(new Word("riga"), new Word("tallinn"))));
    }

    @Test
    void aHyphenInsideAWordIsPartOfTheWord() {
        assertThat(QueryParser.parse("e-mail Camilleri-Vella").must()).containsExactly(new Word("e-mail"),
                new Word("Camilleri-Vella"));
    }

    @Test
    void parenthesesGroupAlternativesOfSeveralWords() {
        assertThat(QueryParser.parse("(harbor dispute) OR riga").must()).containsExactly(new Any(List.of(
                new All(List.of(new Word("harbor"), new Word("dispute")), List.of()), new Word("riga"))));
    }

    @Test
    void punctuationAloneIsNotAWordToLookFor() {
        assertThat(QueryParser.parse("harbor & , dispute").must()).containsExactly(new Word("harbor"),
                new Word("dispute"));
    }

    @Test
    void theShownPartsAreTheWordsPrefixesAndPhrasesButNotTheExcludedOnes() {
        assertThat(QueryParser.parse("harbor OR riga dredg* \"port authority\" -ministry").shown())
                .containsExactly(new Word("harbor"), new Word("riga"), new Prefix("dredg"),
                        new Phrase(List.of("port", "authority")));
    }

    @Test
    void anUnclosedQuoteIsNamedWithItsPosition() {
        assertThatThrownBy(() -> QueryParser.parse("harbor \"port authority")).isInstanceOf(QueryProblem.class)
                .hasMessage("q has a quote without its closing quote at position 8");
    }

    @Test
    void aQueryThatOnlyExcludesIsRefused() {
        assertThatThrownBy(() -> QueryParser.parse("-ministry -riga")).isInstanceOf(QueryProblem.class)
                .hasMessageContaining("excludes words but looks for none");
    }

    @Test
    void orWithoutAWordOnOneSideIsRefused() {
        assertThatThrownBy(() -> QueryParser.parse("harbor OR")).isInstanceOf(QueryProblem.class)
                .hasMessage("q has OR without a word after it at position 8");
        assertThatThrownBy(() -> QueryParser.parse("OR harbor")).isInstanceOf(QueryProblem.class)
                .hasMessage("q has OR without a word before it at position 1");
        assertThatThrownBy(() -> QueryParser.parse("harbor OR OR riga")).isInstanceOf(QueryProblem.class)
                .hasMessageContaining("OR without a word after it");
    }

    @Test
    void anExcludedAlternativeIsRefused() {
        assertThatThrownBy(() -> QueryParser.parse("harbor OR -riga")).isInstanceOf(QueryProblem.class)
                .hasMessageContaining("excluded term as an alternative of OR");
    }

    @Test
    void aStarAnywhereButAtTheEndOfAWordIsRefused() {
        assertThatThrownBy(() -> QueryParser.parse("dr*dge")).isInstanceOf(QueryProblem.class)
                .hasMessageContaining("a star may only end a word");
        assertThatThrownBy(() -> QueryParser.parse("\"port auth*\"")).isInstanceOf(QueryProblem.class)
                .hasMessageContaining("star inside a phrase");
    }

    @Test
    void aPrefixOfOneCharacterIsRefused() {
        assertThatThrownBy(() -> QueryParser.parse("d*")).isInstanceOf(QueryProblem.class)
                .hasMessage("q has a prefix shorter than 2 characters at position 1");
        assertThatThrownBy(() -> QueryParser.parse("*")).isInstanceOf(QueryProblem.class)
                .hasMessageContaining("prefix shorter than");
    }

    @Test
    void aMinusSignWithNothingAfterItIsRefused() {
        assertThatThrownBy(() -> QueryParser.parse("harbor - riga")).isInstanceOf(QueryProblem.class)
                .hasMessage("q has a minus sign with nothing to exclude at position 8");
        assertThatThrownBy(() -> QueryParser.parse("harbor --riga")).isInstanceOf(QueryProblem.class)
                .hasMessageContaining("two minus signs");
    }

    @Test
    void unbalancedParenthesesAreRefused() {
        assertThatThrownBy(() -> QueryParser.parse("(harbor OR riga")).isInstanceOf(QueryProblem.class)
                .hasMessage("q has an opening parenthesis without its closing one at position 1");
        assertThatThrownBy(() -> QueryParser.parse("harbor)")).isInstanceOf(QueryProblem.class)
                .hasMessage("q has a closing parenthesis without an opening one at position 7");
        assertThatThrownBy(() -> QueryParser.parse("harbor ()")).isInstanceOf(QueryProblem.class)
                .hasMessageContaining("empty parentheses");
    }

    @Test
    void anEmptyPhraseOrAnEmptyQueryIsRefused() {
        assertThatThrownBy(() -> QueryParser.parse("harbor \"\"")).isInstanceOf(QueryProblem.class)
                .hasMessage("q has an empty phrase at position 8");
        assertThatThrownBy(() -> QueryParser.parse("  ")).isInstanceOf(QueryProblem.class)
                .hasMessageContaining("q is empty");
        assertThatThrownBy(() -> QueryParser.parse("& ,")).isInstanceOf(QueryProblem.class)
                .hasMessage("q has no word to look for");
    }

    @Test
    void tooManyWordsOrTooLongAQueryIsRefused() {
        assertThatThrownBy(() -> QueryParser.parse("a b c d e f g h i j k l m n o p q")).isInstanceOf(
                QueryProblem.class).hasMessageContaining("too many words: at most 16");
        assertThatThrownBy(() -> QueryParser.parse("x".repeat(501))).isInstanceOf(QueryProblem.class)
                .hasMessageContaining("too long");
    }
}
