package org.declass.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.declass.release.ReleaseTestSupport.approved;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** A cable stored without a release date (as before migration V8) gets the one its instruction gives, once. */
@QuarkusTest
class ReleaseDateBackfillTest {

    @Inject
    ReleaseDateBackfill backfill;

    @Inject
    EntityManager em;

    @Test
    void aCableWithoutReleaseDatesGetsTheDatesItsInstructionGivesAndASecondRunFindsNothing() {
        long id = approved("DECL: 02/09/2019");
        Object[] before = dates(id);
        assertThat(before[0]).isNotNull();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE cable SET release_rule_basis = NULL,"
                + " release_rule_on = NULL WHERE id = " + id).executeUpdate());

        assertThat(backfill.backfill()).isGreaterThanOrEqualTo(1);

        assertThat(dates(id)).containsExactly(before);
        assertThat(backfill.backfill()).isZero();
    }

    private Object[] dates(long id) {
        return (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT release_rule_basis, release_rule_on, release_on FROM cable WHERE id = " + id)
                .getSingleResult());
    }
}
