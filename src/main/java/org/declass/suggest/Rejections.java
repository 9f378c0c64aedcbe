package org.declass.suggest;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The rejected suggestions of each cable. Written only inside the review aggregate's transaction
 * ({@code review.ReviewService#rejectSuggestion}), which checks state, claimant and version and writes the audit
 * entry in the same transaction.
 */
@ApplicationScoped
public class Rejections {

    @Inject
    EntityManager em;

    /** The rejection keys of a cable ({@link Suggestion#rejectionKey}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> keys(long cableId) {
        return new HashSet<>(em.createQuery("select r.textKey from SuggestionRejection r where r.cableId = :c",
                String.class).setParameter("c", cableId).getResultList());
    }

    /** Remembers a rejection; the caller's transaction is required, so that it commits with the audit entry. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(long cableId, Suggestion s, String reason, String by, Instant at) {
        em.persist(new SuggestionRejection(cableId, s, reason, by, at));
    }
}
