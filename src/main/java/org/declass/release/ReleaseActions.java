package org.declass.release;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.quarkus.logging.Log;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.declass.audit.AuditAction;
import org.declass.audit.AuditEvent;
import org.declass.audit.AuditTrail;
import org.declass.cable.Cable;
import org.declass.cable.CableNotFound;
import org.declass.cable.CableService;
import org.declass.cable.WorkflowState;
import org.declass.marking.ReleaseDate;
import org.declass.review.InvalidRequest;
import org.declass.review.NotPermitted;
import org.declass.review.TwoPersonRule;
import org.declass.review.StaleVersion;
import org.declass.review.TransitionNotAllowed;
import org.declass.security.NotCleared;
import org.declass.security.Reader;
import org.declass.security.Roles;

/** What people do about releases: release a due cable now, record an event, and (demo mode) move the clock. */
@ApplicationScoped
public class ReleaseActions {

    @Inject
    EntityManager em;

    @Inject
    CableService cables;

    @Inject
    ReleaseService releases;

    @Inject
    TwoPersonRule twoPersonRule;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    Event<ClockJump> jumps;

    @Inject
    ReleaseSweep sweep;

    @Inject
    DemoConfig demo;

    /** The result of "release now". */
    public record Released(long id, String reference, int versionNo, String releasedBy) {
    }

    /**
     * An approver releases an APPROVED cable whose date has come, without waiting for the sweep. The two-person
     * rule holds: the releasing approver may not be someone who reviewed the cable.
     */
    @Transactional
    public Released releaseNow(long id, Long version, Reader reader) {
        if (!reader.hasRole(Roles.APPROVER)) {
            throw new NotPermitted("to release a cable now you need the APPROVER role");
        }
        audit.lockHead(); // the chain first, then the cable: the sweep's lock order
        Cable c = lockCleared(id, reader, "release");
        checkVersion(c, version);
        if (c.getState() != WorkflowState.APPROVED) {
            throw TransitionNotAllowed.inState(c.getReference(), c.getState(), "release");
        }
        twoPersonRule.check(c, reader.username(), "release");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        ReleaseDate r = c.getRelease();
        if (r == null || !r.isDueOn(today)) {
            throw new TransitionNotAllowed("cable " + c.getReference() + " is not due: "
                    + (r == null || r.date() == null ? "it has no release date yet" : "its release date is " + r.date()));
        }
        ReleasedVersion v = releases.release(id, reader.username(), reader.roles(),
                "Released on its declassification date " + r.date() + " (" + r.basis().label() + ") by approver "
                        + reader.username(), clock.instant())
                .orElseThrow(() -> new TransitionNotAllowed("cable " + c.getReference()
                        + " was released meanwhile"));
        Log.infof("release: %s released cable %s now", reader.username(), c.getReference());
        return new Released(id, c.getReference(), v.getVersionNo(), reader.username());
    }

    /**
     * An approver records that the event an instruction names occurred on {@code on}: a day between the cable's own
     * date and today (the app's clock), both included; otherwise 400 naming the rule.
     */
    @Transactional
    public ReleaseDate recordEvent(long id, LocalDate on, String note, Long version, Reader reader) {
        if (!reader.hasRole(Roles.APPROVER)) {
            throw new NotPermitted("to record a declassification event you need the APPROVER role");
        }
        if (on == null) {
            throw new InvalidRequest("occurredOn is required: the day the event occurred (yyyy-mm-dd)");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (on.isAfter(today)) {
            throw new InvalidRequest("occurredOn " + on + " is in the future (today is " + today + "): an event date"
                    + " must lie between the cable's own date and today; record an event once it has occurred");
        }
        Cable c = lockCleared(id, reader, "record an event on");
        if (c.getDate() != null && on.isBefore(c.getDate())) {
            throw new InvalidRequest("occurredOn " + on + " is before the cable's own date " + c.getDate()
                    + ": an event date must lie between the cable's own date and today");
        }
        checkVersion(c, version);
        try {
            c.recordEventOccurred(on, reader.username());
        } catch (IllegalStateException e) {
            throw new TransitionNotAllowed(e.getMessage());
        }
        c.touch(reader.username(), clock.instant());
        em.flush();
        audit.record(AuditEvent.by(reader.username(), reader.roles(), AuditAction.RELEASE_EVENT_RECORDED)
                .cable(c.getId(), c.getReference())
                .note("declassification event occurred on " + on + "; release date now " + c.getReleaseOn()
                        + (note == null || note.isBlank() ? "" : "; note: " + note.trim())));
        return c.getRelease();
    }

    /**
     * Demo mode: an administrator moves the demo clock to {@code day} (audited), then sweeps. Anyone else is refused
     * before anything moves: the clock, the trail and the cables stay as they are.
     */
    public SweepReport jumpTo(LocalDate day, Reader reader) {
        requireClockMover(reader);
        if (!demo.enabled()) {
            throw new NotPermitted("jumping to a date is only possible in demo mode");
        }
        if (day == null) {
            throw new InvalidRequest("date is required (yyyy-mm-dd)");
        }
        if (day.getYear() < 1960 || day.getYear() > 2200) {
            throw new InvalidRequest("date " + day + " is out of range (1960 to 2200)");
        }
        LocalDate before = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        jumps.fire(new ClockJump(day)); // the clock moves, or refuses outside dev, test and demo mode
        audit.recordAlone(AuditEvent.by(reader.username(), reader.roles(), AuditAction.CLOCK_MOVED)
                .note("demo clock moved from " + before + " to " + day));
        return sweep.sweep(clock.instant(), "jump to " + day + " by " + reader.username());
    }

    /** Only an administrator moves the demo clock: 403 for anyone else, before the request is read further. */
    public void requireClockMover(Reader reader) {
        if (!reader.hasRole(Roles.ADMIN)) {
            throw new NotPermitted("only an administrator may move the demo clock");
        }
    }

    private Cable lockCleared(long id, Reader reader, String action) {
        Cable c = em.find(Cable.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw new CableNotFound("with id " + id);
        }
        if (!cables.mayReadWhole(c, reader)) {
            throw new NotCleared("your clearance does not cover every portion of cable " + c.getReference()
                    + "; you may not " + action + " it");
        }
        return c;
    }

    private static void checkVersion(Cable c, Long version) {
        if (version != null && version != c.getVersion()) {
            throw new StaleVersion(version, c.getVersion());
        }
    }
}
