package org.declass.release;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.declass.cable.Cable;
import org.declass.cable.Paragraph;
import org.declass.cable.WorkflowState;
import org.declass.marking.ClassificationLevel;
import org.declass.review.ReviewOutcome;
import org.declass.review.ReviewRequests.Action;
import org.declass.review.ReviewRequests.DispositionChange;
import org.declass.review.ReviewRequests.NewRedaction;
import org.declass.review.ReviewService;
import org.declass.security.Reader;
import org.declass.security.Roles;

/**
 * Demo mode only: a few demo cables taken through review, approval and release at start, so that the reading
 * room is not empty. Each goes the way a person would take it: the demo reviewer claims it, makes the redactions and
 * withholdings its review in {@code demo/cables/REVIEWS} decides ({@link DemoReviews}: a source's name redacted
 * wherever it stands, a classified-information code only on a classified paragraph), and submits; the demo approver
 * approves; {@link ReleaseService#release} freezes it. Only cables with such a review are released. Idempotent: it
 * tops the number of released cables up to {@code declass.demo.releases} and never touches a cable that is not NEW
 * (an APPROVED one left by an interrupted start is released).
 */
@ApplicationScoped
public class DemoReleases {

    static final Reader REVIEWER = new Reader("reviewer", Set.of(Roles.REVIEWER), ClassificationLevel.SECRET, true,
            false);
    static final Reader APPROVER = new Reader("approver", Set.of(Roles.APPROVER), ClassificationLevel.TOP_SECRET,
            true, false);
    static final String AUTHORITY = "Declass demo release (all content invented)";

    @Inject
    ReviewService review;

    @Inject
    ReleaseService releases;

    @Inject
    EntityManager em;

    @Inject
    java.time.Clock clock;

    @Inject
    DemoConfig demo;

    @ActivateRequestContext
    void onStart(@Observes @Priority(3000) StartupEvent event) {
        if (demo.enabled() && demo.releases() > 0) {
            int n = topUp(demo.releases());
            if (n > 0) {
                Log.infof("Demo mode: %d demo cables reviewed, approved and released to the reading room", n);
            }
        }
    }

    /** Releases cables until {@code target} are released; returns how many it released now. */
    int topUp(int target) {
        long released = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(c) from Cable c where c.state = :s", Long.class)
                .setParameter("s", WorkflowState.RELEASED).getSingleResult());
        java.util.Map<String, DemoReviews.Review> reviews = DemoReviews.load();
        int done = 0;
        for (Candidate c : candidates(reviews.keySet())) {
            if (released + done >= target) {
                break;
            }
            try {
                if (releaseOne(c.id(), reviews.get(c.reference()))) {
                    done++;
                }
            } catch (RuntimeException e) {
                Log.warnf("demo release of %s skipped: %s", c.reference(), e.getMessage());
            }
        }
        return done;
    }

    private record Candidate(long id, String reference) {
    }

    /**
     * The demo cables with a review in {@link DemoReviews#RESOURCE}, NEW, of SECRET or below, whose release date has
     * come, oldest id first. Approved cables are left alone: the demo approvals of {@code web.Startup} wait for the
     * release sweep (or "jump to a date"), and nothing is released before its date.
     */
    private List<Candidate> candidates(java.util.Collection<String> reviewed) {
        if (reviewed.isEmpty()) {
            return List.of();
        }
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select c.id, c.reference from Cable c where c.state = :n and c.levelRank <= :secret"
                                + " and c.releaseOn <= :today and c.reference in :reviewed order by c.id",
                        Object[].class)
                .setParameter("n", WorkflowState.NEW)
                .setParameter("secret", (short) ClassificationLevel.SECRET.ordinal())
                .setParameter("today", today).setParameter("reviewed", reviewed).getResultList().stream()
                .map(r -> new Candidate(((Number) r[0]).longValue(), (String) r[1])).toList());
    }

    private boolean releaseOne(long id, DemoReviews.Review decisions) {
        record Facts(long version, WorkflowState state, DemoReviews.Plan plan) {
        }
        Facts facts = QuarkusTransaction.requiringNew().call(() -> {
            Cable c = em.find(Cable.class, id);
            return new Facts(c.getVersion(), c.getState(), DemoReviews.plan(decisions, portions(c)));
        });
        if (facts.state() == WorkflowState.NEW) {
            long v = review.claim(id, action(facts.version()), REVIEWER).version();
            v = apply(id, v, facts.plan());
            v = review.submit(id, action(v), REVIEWER).version();
            ReviewOutcome approved = review.approve(id, new Action(v, null, null, null, null, DEMO_OVERRIDE),
                    APPROVER);
            if (!WorkflowState.APPROVED.name().equals(approved.state())) {
                return false;
            }
        }
        return releases.release(id, "system:demo", Set.of(), AUTHORITY, Instant.now(clock)).isPresent();
    }

    /** The paragraphs of a cable as the planner sees them. */
    static List<DemoReviews.Portion> portions(Cable c) {
        List<DemoReviews.Portion> out = new ArrayList<>();
        for (Paragraph p : c.getParagraphs()) {
            out.add(new DemoReviews.Portion(p.getAddress(), p.getText(),
                    DemoReviews.Portion.classified(p.getMark(), p.getEffectiveLevel())));
        }
        return out;
    }

    /** Makes a plan's redactions and withholdings on a claimed cable, as its reviewer; returns the new version. */
    private long apply(long id, long version, DemoReviews.Plan plan) {
        long v = version;
        for (DemoReviews.Span s : plan.redactions()) {
            v = review.redact(id, new NewRedaction(s.paragraph(), s.start(), s.end(), List.of(s.code()), s.why(), v),
                    REVIEWER).version();
        }
        for (DemoReviews.Withhold w : plan.withholds()) {
            v = review.dispose(id, w.paragraph(), new DispositionChange("WITHHOLD", List.of(w.code()), w.why(), v),
                    REVIEWER).version();
        }
        return v;
    }

    /** Demo cables are approved whatever their marking findings; the override is recorded in the audit trail. */
    public static final String DEMO_OVERRIDE = "demo data: approved at start-up whatever its marking findings";

    private static Action action(long version) {
        return new Action(version, null, null, null, null);
    }
}
