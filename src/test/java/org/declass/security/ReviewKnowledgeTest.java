package org.declass.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.declass.marking.ClassificationLevel;
import org.junit.jupiter.api.Test;

/** Who may learn how a cable is reviewed (who claimed and approved it, its redactions): staff only. */
class ReviewKnowledgeTest {

    final Disclosure disclosure = new Disclosure();

    static Reader reader(Set<String> roles) {
        return new Reader("someone", roles, ClassificationLevel.TOP_SECRET, true, false);
    }

    @Test
    void everyDeclassRoleMayKnowTheReviewButAReaderWithoutARoleOrAnonymousMayNot() {
        for (String role : Roles.ALL) {
            assertThat(disclosure.mayKnowReview(reader(Set.of(role)))).as(role).isTrue();
        }
        assertThat(disclosure.mayKnowReview(reader(Set.of()))).as("cleared TOP SECRET, but no role").isFalse();
        assertThat(disclosure.mayKnowReview(Reader.ANONYMOUS)).isFalse();
        assertThat(disclosure.mayKnowReview(null)).isFalse();
    }
}
