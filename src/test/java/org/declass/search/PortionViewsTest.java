package org.declass.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.declass.marking.ClassificationLevel;
import org.declass.security.Classification;
import org.declass.security.Disclosure;
import org.junit.jupiter.api.Test;

/**
 * How a cable becomes index documents: one per distinct set of portions some class of readers may read, each
 * carrying the classes the disclosure decision gives it, so that a reader's search runs over exactly their portions.
 */
class PortionViewsTest {

    static final DocumentSource STAFF = new DocumentSource() {
        @Override
        public String index() {
            return "test";
        }

        @Override
        public boolean portionAware() {
            return true;
        }

        @Override
        public long count() {
            return 0;
        }

        @Override
        public List<Long> keysAfter(long afterKey, int limit) {
            return List.of();
        }

        @Override
        public List<SearchDocument> load(List<Long> keys) {
            return List.of();
        }
    };

    static SearchEngine engine() {
        SearchEngine e = new SearchEngine();
        e.disclosure = new Disclosure();
        return e;
    }

    static List<String> texts(Document d) {
        return Arrays.stream(d.getFields(SearchEngine.TEXT)).map(IndexableField::stringValue).toList();
    }

    static List<String> audiences(Document d) {
        return Arrays.asList(d.getValues(SearchEngine.AUDIENCE));
    }

    @Test
    void aCableWithUnclassifiedConfidentialAndSecretNofornPortionsBecomesOneDocumentPerDistinctView() {
        SearchDocument cable = new SearchDocument(7, 14_000, List.of(
                new SearchDocument.Portion("reference", Classification.UNCLASSIFIED),
                new SearchDocument.Portion("confidential words", Classification.of(ClassificationLevel.CONFIDENTIAL,
                        false)),
                new SearchDocument.Portion("secret noforn words", Classification.of(ClassificationLevel.SECRET,
                        true))), List.of(new SearchDocument.Keyword("origin", "KYIV")));
        List<Document> docs = engine().documents(STAFF, cable);
        assertThat(docs).hasSize(3);
        assertThat(texts(docs.get(0))).containsExactly("reference");
        assertThat(audiences(docs.get(0))).containsExactlyInAnyOrder("UNCLASSIFIED", "UNCLASSIFIED+NOFORN");
        assertThat(texts(docs.get(1))).containsExactly("reference", "confidential words");
        assertThat(audiences(docs.get(1))).containsExactlyInAnyOrder("CONFIDENTIAL", "CONFIDENTIAL+NOFORN",
                "SECRET", "TOP_SECRET");
        assertThat(texts(docs.get(2))).containsExactly("reference", "confidential words", "secret noforn words");
        assertThat(audiences(docs.get(2))).containsExactlyInAnyOrder("SECRET+NOFORN", "TOP_SECRET+NOFORN");
        // one document per cable is the one that counts the cable (the rebuild's check)
        assertThat(docs.stream().filter(d -> d.get(SearchEngine.PRIMARY) != null)).hasSize(1);
    }

    @Test
    void everyClassOfReadersFindsAtMostOneDocumentOfACable() {
        SearchDocument cable = new SearchDocument(8, 14_000, List.of(
                new SearchDocument.Portion("a", Classification.UNCLASSIFIED),
                new SearchDocument.Portion("b", Classification.of(ClassificationLevel.TOP_SECRET, false)),
                new SearchDocument.Portion("c", Classification.of(ClassificationLevel.CONFIDENTIAL, true))),
                List.of());
        List<Document> docs = engine().documents(STAFF, cable);
        List<String> all = docs.stream().flatMap(d -> audiences(d).stream()).toList();
        assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(new Disclosure().allAudiences());
    }
}
