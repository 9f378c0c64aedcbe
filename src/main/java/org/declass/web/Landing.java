package org.declass.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.declass.review.ReviewService;
import org.declass.security.Reader;
import org.declass.security.Roles;

/**
 * Where a person lands after signing in when no page asked for them (an explicit return address, the page they
 * wanted before the sign-in, always wins): where their work is. An administrator on the accounts; a reviewer on
 * their own cables ("mine"), or on the unassigned ones when nothing is theirs; an approver on the cables awaiting
 * approval; an auditor on the audit trail; anyone else on the cable list. Someone with several roles lands on the
 * first of these that applies (a reviewer who is also an approver and holds nothing lands on the approvals).
 */
@ApplicationScoped
public class Landing {

    static final String ACCOUNTS = "/admin/users";
    static final String MINE = "/review?queue=mine";
    static final String UNASSIGNED = "/review?queue=unassigned";
    static final String AWAITING = "/review?queue=awaiting";
    static final String AUDIT = "/audit";
    static final String CABLES = "/cables";

    @Inject
    ReviewService review;

    public String of(Reader reader) {
        if (reader == null || reader.anonymous()) {
            return CABLES;
        }
        if (reader.hasRole(Roles.ADMIN)) {
            return ACCOUNTS;
        }
        if (reader.hasRole(Roles.REVIEWER) && review.queueSize("mine", reader) > 0) {
            return MINE;
        }
        if (reader.hasRole(Roles.APPROVER)) {
            return AWAITING;
        }
        if (reader.hasRole(Roles.REVIEWER)) {
            return UNASSIGNED;
        }
        if (reader.hasRole(Roles.AUDITOR)) {
            return AUDIT;
        }
        return CABLES;
    }

    /** The return address when there is a safe one ({@link SignInPages#safeNext}), else the reader's landing. */
    public String target(String next, Reader reader) {
        String safe = SignInPages.safeNext(next);
        return safe.isEmpty() ? of(reader) : safe;
    }
}
