package org.declass.audit;

import java.util.Collection;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a service asks the trail to record: who did what to which cable. Built fluently:
 * {@code AuditEvent.by(name, roles, AuditAction.REDACTION_ADDED).cable(id, ref).paragraph(3).span(10, 42)
 * .codes(List.of("1.4(d)")).note(reason)}. Never put the text of a classified or withheld passage in it.
 */
public final class AuditEvent {

    final String actor;
    final String actorRoles;
    final AuditAction action;
    Long cableId;
    String cableReference;
    Integer paragraph;
    Integer spanStart;
    Integer spanEnd;
    String codes;
    String markingBefore;
    String markingAfter;
    String note;
    String[] request;
    String attemptedName;

    /** The actor of a failed sign-in: nobody is signed in. Only {@link #signInFailure()} writes it. */
    static final String ANONYMOUS = "anonymous";
    /** The role of {@link #ANONYMOUS}. */
    static final String ANONYMOUS_ROLE = "ANONYMOUS";

    private AuditEvent(String actor, String actorRoles, AuditAction action) {
        if (actor == null || actor.isBlank() || actor.equalsIgnoreCase(ANONYMOUS)) {
            throw new IllegalArgumentException("an audit entry needs a named actor (a user or system:<job>)");
        }
        this.actor = limit(actor, 100);
        this.actorRoles = actorRoles;
        this.action = Objects.requireNonNull(action, "action");
    }

    private AuditEvent(AuditAction action) {
        this.actor = ANONYMOUS;
        this.actorRoles = ANONYMOUS_ROLE;
        this.action = action;
    }

    /** A user, with their roles. */
    public static AuditEvent by(String actor, Collection<String> roles, AuditAction action) {
        return new AuditEvent(actor, roles == null ? "" : String.join(",", new TreeSet<>(roles)), action);
    }

    /**
     * A user whose roles the trail takes from the signed-in identity of the current request when it is that user
     * (else none): for services that know only the user name.
     */
    public static AuditEvent by(String actor, AuditAction action) {
        if (actor != null && actor.startsWith("system:")) {
            return bySystem(actor, action);
        }
        return new AuditEvent(actor, null, action);
    }

    /** A named system actor such as {@code system:release} or {@code system:startup}; its role is SYSTEM. */
    public static AuditEvent bySystem(String job, AuditAction action) {
        String name = job.startsWith("system:") ? job : "system:" + job;
        return new AuditEvent(name, "SYSTEM", action);
    }

    /**
     * A failed sign-in (or a burst of them): actor {@code anonymous}, role ANONYMOUS, action LOGIN_FAILED. The one
     * way to an anonymous entry, and only {@link SignInAudit} takes it: every other entry names who acted.
     */
    static AuditEvent signInFailure() {
        return new AuditEvent(AuditAction.LOGIN_FAILED);
    }

    public AuditEvent cable(Long id, String reference) {
        this.cableId = id;
        this.cableReference = reference;
        return this;
    }

    public AuditEvent paragraph(Integer seq) {
        this.paragraph = seq;
        return this;
    }

    public AuditEvent span(Integer start, Integer end) {
        this.spanStart = start;
        this.spanEnd = end;
        return this;
    }

    public AuditEvent codes(Collection<String> exemptionCodes) {
        this.codes = exemptionCodes == null || exemptionCodes.isEmpty() ? null : limit(String.join(",", exemptionCodes), 400);
        return this;
    }

    public AuditEvent marking(String before, String after) {
        this.markingBefore = limit(before, 200);
        this.markingAfter = limit(after, 200);
        return this;
    }

    public AuditEvent note(String text) {
        this.note = limit(text, 2000);
        return this;
    }

    /**
     * The names tried at failed sign-ins, already cleaned by {@link AttemptedName} (an account's name, or a
     * fingerprint); LOGIN_FAILED only. Control and format characters are removed here once more, so none reaches
     * the trail whatever the caller passed.
     */
    AuditEvent attemptedName(String cleaned) {
        if (action != AuditAction.LOGIN_FAILED) {
            throw new IllegalArgumentException("only a failed sign-in has an attempted name");
        }
        this.attemptedName = cleaned == null ? null : limit(AttemptedName.printable(cleaned), 200);
        return this;
    }

    /** The request id and client address, when the event is recorded away from its request (async observers). */
    AuditEvent request(String[] requestIdAndAddress) {
        this.request = requestIdAndAddress;
        return this;
    }

    public AuditAction action() {
        return action;
    }

    private static String limit(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
