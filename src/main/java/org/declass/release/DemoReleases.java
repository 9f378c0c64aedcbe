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
 * room is not empty. Each goes the way a person would take it: the demo reviewer claims it, redacts one word of its
 * second paragraph (25X1) and, when it has four paragraphs or more, withholds the last in full (25X6), and submits;
 * the demo approver approves; {@link ReleaseService#release} freezes it. Idempotent: it tops the number of released
 * cables up to {@code declass.demo.releases} and never touches a cable that is not NEW (an APPROVED one left by an
 * interrupted start is released).
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
        int done = 0;
        for (Long id : candidates()) {
            if (released + done >= target) {
                break;
            }
            try {
                if (releaseOne(id)) {
                    done++;
                }
            } catch (RuntimeException e) {
                Log.debugf("demo release of cable %d skipped: %s", id, e.getMessage());
            }
        }
        return done;
    }

    /**
     * New cables of SECRET or below whose release date has come, oldest id first. Approved cables are left alone:
     * the demo approvals of {@code web.Startup} wait for the release sweep (or "jump to a date"), and nothing is
     * released before its date.
     */
    private List<Long> candidates() {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        return QuarkusTransaction.requiringNew().call(() -> new ArrayList<>(em.createQuery(
                        "select c.id from Cable c where c.state = :n and c.levelRank <= :secret"
                                + " and c.releaseOn <= :today order by c.id", Long.class)
                .setParameter("n", WorkflowState.NEW)
                .setParameter("secret", (short) ClassificationLevel.SECRET.ordinal())
                .setParameter("today", today).getResultList()));
    }

    private boolean releaseOne(long id) {
        record Plan(long version, WorkflowState state, String redactParagraph, int start, int end,
                    String withholdParagraph) {
        }
        Plan plan = QuarkusTransaction.requiringNew().call(() -> {
            Cable c = em.find(Cable.class, id);
            List<Paragraph> ps = c.getParagraphs();
            String redact = null;
            int start = 0;
            int end = 0;
            if (ps.size() >= 2) {
                Paragraph p = ps.get(1);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b\\p{L}{6,}\\b").matcher(p.getText());
                if (m.find()) {
                    redact = p.getAddress();
                    start = m.start();
                    end = m.end();
                }
            }
            String withhold = ps.size() >= 4 ? ps.get(ps.size() - 1).getAddress() : null;
            return new Plan(c.getVersion(), c.getState(), redact, start, end, withhold);
        });
        if (plan.state() == WorkflowState.NEW) {
            long v = review.claim(id, action(plan.version()), REVIEWER).version();
            if (plan.redactParagraph() != null) {
                v = review.redact(id, new NewRedaction(plan.redactParagraph(), plan.start(), plan.end(),
                        List.of("25X1"), "demo redaction", v), REVIEWER).version();
            }
            if (plan.withholdParagraph() != null && !plan.withholdParagraph().equals(plan.redactParagraph())) {
                v = review.dispose(id, plan.withholdParagraph(), new DispositionChange("WITHHOLD", List.of("25X6"),
                        "demo", v), REVIEWER).version();
            }
            v = review.submit(id, action(v), REVIEWER).version();
            ReviewOutcome approved = review.approve(id, new Action(v, null, null, null, null, DEMO_OVERRIDE),
                    APPROVER);
            if (!WorkflowState.APPROVED.name().equals(approved.state())) {
                return false;
            }
        }
        return releases.release(id, "system:demo", Set.of(), AUTHORITY, Instant.now(clock)).isPresent();
    }

    /** Demo cables are approved whatever their marking findings; the override is recorded in the audit trail. */
    public static final String DEMO_OVERRIDE = "demo data: approved at start-up whatever its marking findings";

    private static Action action(long version) {
        return new Action(version, null, null, null, null);
    }
}
