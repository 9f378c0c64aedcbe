package org.declass.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.declass.release.ReleaseTestSupport.approved;

import java.time.Instant;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** The reading room's word index follows the latest released version of each cable, and only that. */
@QuarkusTest
class ReleaseIndexTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Inject
    ReleaseSweep sweep;

    @Inject
    ReleaseIndex index;

    @Inject
    EntityManager em;

    @Test
    void aCableReleasedByTheSweepIsFoundByItsWordsOriginAndTag() {
        long id = approved("DECL: 02/09/2019");
        assertThat(sweep.sweep(NOW, "test").released()).contains(id);
        String word = QuarkusTransaction.requiringNew().call(() -> latest(id).getReference()).toLowerCase();
        assertThat(ids(List.of(word))).contains(id);
        assertThat(ids(List.of("*"))).contains(id);
    }

    @Test
    void aNewVersionReplacesTheWordsOfTheOldOneSoTheOldWordsNoLongerFindTheCable() {
        long id = approved("DECL: 02/09/2019");
        assertThat(sweep.sweep(NOW, "test").released()).contains(id);
        String oldOnly = "zqoldwordx" + id;
        String newOnly = "zqnewwordx" + id;
        QuarkusTransaction.requiringNew().run(() -> index.index(persist(correction(first(id), 2, oldOnly))));
        assertThat(ids(List.of(oldOnly))).containsExactly(id);

        QuarkusTransaction.requiringNew().run(() -> index.index(persist(correction(first(id), 3, newOnly))));
        assertThat(ids(List.of(newOnly))).containsExactly(id);
        assertThat(ids(List.of(oldOnly))).isEmpty();
        assertThat(index.search(new ReleaseIndex.Query(List.of(newOnly), Integer.MIN_VALUE, Integer.MAX_VALUE), 0,
                10).total()).isEqualTo(1);
        Number listings = (Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from release_listing where cable_id = " + id).getSingleResult());
        assertThat(listings.intValue()).isEqualTo(1);
        Number versionNo = (Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select version_no from release_listing where cable_id = " + id).getSingleResult());
        assertThat(versionNo.intValue()).isEqualTo(3);
    }

    @Test
    void aVersionThatACrashLeftQueuedIsIndexedByTheNextSweepAndLeavesTheQueue() {
        long id = approved("DECL: 02/09/2019");
        assertThat(sweep.sweep(NOW, "test").released()).contains(id);
        String word = QuarkusTransaction.requiringNew().call(() -> latest(id).getReference()).toLowerCase();
        // the state a crash between the release's commit and the drain's leaves: released, queued, not indexed
        QuarkusTransaction.requiringNew().run(() -> {
            long versionId = latest(id).getId();
            em.createNativeQuery("delete from release_term where cable_id = " + id).executeUpdate();
            em.createNativeQuery("delete from release_listing where cable_id = " + id).executeUpdate();
            em.createNativeQuery("insert into release_index_queue (version_id) values (" + versionId + ")")
                    .executeUpdate();
        });
        assertThat(ids(List.of(word))).doesNotContain(id);

        SweepReport next = sweep.sweep(NOW.plusSeconds(60), "test");
        assertThat(next.released()).doesNotContain(id);
        assertThat(next.indexed()).isGreaterThanOrEqualTo(1);
        assertThat(ids(List.of(word))).contains(id);
        Number queued = (Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from release_index_queue").getSingleResult());
        assertThat(queued.intValue()).isZero();
    }

    private List<Long> ids(List<String> terms) {
        return index.search(new ReleaseIndex.Query(terms, Integer.MIN_VALUE, Integer.MAX_VALUE), 0, 50).cableIds();
    }

    private ReleasedVersion latest(long cableId) {
        return em.createQuery("select v from ReleasedVersion v where v.cableId = :id order by v.versionNo desc",
                ReleasedVersion.class).setParameter("id", cableId).setMaxResults(1).getSingleResult();
    }

    private ReleasedVersion first(long cableId) {
        return em.createQuery("select v from ReleasedVersion v where v.cableId = :id and v.versionNo = 1",
                ReleasedVersion.class).setParameter("id", cableId).getSingleResult();
    }

    /** A later version of the same cable: the first version's text and one extra word. */
    private static ReleasedVersion correction(ReleasedVersion v, int versionNo, String extraWord) {
        String text = v.getReleasedText() + "\n" + extraWord + "\n";
        return new ReleasedVersion(v.getCableId(), versionNo, v.getReference(), v.getOrigin(), v.getDate(),
                v.getTags(), v.getSubject(), v.getFormerBanner(), v.getReleasedAt(), v.getReleasedBy(),
                v.getApprovedBy(), v.getAuthority(), v.getDocumentJson(), text, v.getSha256());
    }

    private ReleasedVersion persist(ReleasedVersion v) {
        em.persist(v);
        return v;
    }
}
