package org.declass.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import org.declass.marking.ClassificationLevel;
import org.declass.redaction.Placeholders;

/**
 * The one disclosure decision: whether a reader receives a portion, a header line, a note or reason, a count or an
 * offset, and what stands in its place when not. Its SQL counterpart ({@link #sql}) is built here too, from the
 * same rule, so that a search or a count can never match what a page would withhold. Every output asks here:
 * pages, API, exports, search and totals, the review queue, PDF, text, iCalendar, audit pages and exports.
 * <p>
 * The rule, deny by default: anonymous readers never read unreleased material; a signed-in reader reads something
 * only when their clearance covers its level and, when it may not go to foreign nationals (NOFORN, EXDIS, NODIS),
 * only when they are NOFORN-eligible. What is released to the public is decided by the review (dispositions and
 * redactions) and read from the frozen released version, never from here.
 */
@ApplicationScoped
public class Disclosure {

    /** Whether the reader may receive something of this classification. */
    public boolean mayRead(Reader reader, Classification c) {
        if (reader == null || reader.anonymous() || c == null) {
            return false;
        }
        if (!reader.clearance().covers(c.level())) {
            return false;
        }
        return !c.foreignRestricted() || reader.nofornEligible();
    }

    public boolean mayRead(Reader reader, ClassificationLevel level, boolean foreignRestricted) {
        return level != null && mayRead(reader, new Classification(level, foreignRestricted));
    }

    /** Whether the reader may receive every one of these (the original text, a review screen, a size, a hash). */
    public boolean mayReadAll(Reader reader, Collection<Classification> all) {
        if (reader == null || reader.anonymous()) {
            return false;
        }
        for (Classification c : all) {
            if (!mayRead(reader, c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the reader may give something this classification (mark a portion so): the same rule. */
    public boolean mayAssign(Reader reader, Classification c) {
        return mayRead(reader, c);
    }

    /**
     * Whether the reader may learn how a cable is being reviewed: who claimed and who approved it, and the proposed
     * redactions with their redactors (of the portions {@link #mayRead} lets them read). Staff of the workflow or
     * its oversight (any Declass role: reviewer, approver, auditor, administrator) may; an anonymous reader and an
     * account without a role (a reader only, e.g. an outside consultant admitted by single sign-on) may not.
     */
    public boolean mayKnowReview(Reader reader) {
        if (reader == null || reader.anonymous()) {
            return false;
        }
        for (String role : Roles.ALL) {
            if (reader.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    /** What a reader who may not receive a portion of this classification is shown instead. */
    public String placeholder(Classification c) {
        return Placeholders.withheldPortion(c.level(), c.foreignRestricted());
    }

    /** The value when the reader may read it, else null. */
    public <T> T shown(Reader reader, Classification c, T value) {
        return mayRead(reader, c) ? value : null;
    }

    /**
     * A free-text note or reason, classified at the level of what it is attached to: the text for a reader cleared
     * for it, else a placeholder naming only that level. Null stays null (no note).
     */
    public String note(Reader reader, Classification attachedTo, String note) {
        if (note == null) {
            return null;
        }
        return mayRead(reader, attachedTo) ? note : Placeholders.withheldNote(attachedTo.level(),
                attachedTo.foreignRestricted());
    }

    /**
     * The SQL (or JPQL) counterpart of {@link #mayRead}: a condition over a row whose level rank and foreign-release
     * restriction are in {@code levelRankColumn} and {@code foreignColumn}, true exactly where {@link #mayRead}
     * would be for that row's classification. Parameters are named with {@code prefix} so that several conditions
     * can stand in one statement.
     */
    public SqlCondition sql(Reader reader, String levelRankColumn, String foreignColumn, String prefix) {
        if (reader == null || reader.anonymous()) {
            return new SqlCondition("1 = 0", Map.of());
        }
        String p = prefix + "Clearance";
        String text = levelRankColumn + " <= :" + p
                + (reader.nofornEligible() ? "" : " and " + notForeign(foreignColumn));
        return new SqlCondition(text, Map.of(p, (short) reader.clearance().ordinal()));
    }

    /**
     * {@code foreign} is a boolean column (written {@code col = false}, which an index can serve) or a condition
     * true for a foreign-restricted row (negated).
     */
    private static String notForeign(String foreign) {
        return foreign.matches("[A-Za-z_][A-Za-z0-9_.]*") ? foreign + " = false" : "not (" + foreign + ")";
    }

    /**
     * The same condition for native SQL with positional parameters: {@code ?} marks, bound in order by
     * {@link SqlCondition#positional()}.
     */
    public SqlCondition nativeSql(Reader reader, String levelRankColumn, String foreignColumn) {
        if (reader == null || reader.anonymous()) {
            return new SqlCondition("1 = 0", Map.of());
        }
        String text = levelRankColumn + " <= ?" + (reader.nofornEligible() ? "" : " and " + notForeign(foreignColumn));
        return new SqlCondition(text, Map.of(), List.of((short) reader.clearance().ordinal()));
    }

    /**
     * The search engine's counterpart of {@link #mayRead}: the class of readers this reader belongs to, written as
     * an index term. Readers of one class (the same clearance and NOFORN eligibility) may read exactly the same
     * portions, so an index stores, for each portion, the classes {@link #audiences} names, and a search matches
     * only the documents that carry the reader's class. Null for an anonymous reader (who reads nothing unreleased).
     */
    public String audience(Reader reader) {
        if (reader == null || reader.anonymous()) {
            return null;
        }
        return audienceTerm(reader.clearance(), reader.nofornEligible());
    }

    /**
     * Every class of readers that may read something of this classification, as index terms: decided by
     * {@link #mayRead} itself for one reader of each class, so that the index and the pages cannot disagree.
     */
    public List<String> audiences(Classification c) {
        List<String> out = new java.util.ArrayList<>();
        for (ClassificationLevel level : ClassificationLevel.values()) {
            for (boolean noforn : new boolean[] {false, true}) {
                Reader one = new Reader("audience", java.util.Set.of(), level, noforn, false);
                if (mayRead(one, c)) {
                    out.add(audienceTerm(level, noforn));
                }
            }
        }
        return out;
    }

    /** Every class of signed-in readers, as index terms. */
    public List<String> allAudiences() {
        List<String> out = new java.util.ArrayList<>();
        for (ClassificationLevel level : ClassificationLevel.values()) {
            out.add(audienceTerm(level, false));
            out.add(audienceTerm(level, true));
        }
        return out;
    }

    private static String audienceTerm(ClassificationLevel clearance, boolean nofornEligible) {
        return clearance.name() + (nofornEligible ? "+NOFORN" : "");
    }

    /** A condition and its parameters: named ones for JPQL, positional ones (in order) for native SQL. */
    public record SqlCondition(String text, Map<String, Object> params, List<Object> positional) {
        public SqlCondition(String text, Map<String, Object> params) {
            this(text, params, List.of());
        }
    }
}
