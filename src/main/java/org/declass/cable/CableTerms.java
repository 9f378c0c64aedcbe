package org.declass.cable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words a cable can be found by, for the cable_term index. The reference and the origin are readable by anyone
 * who may list the cable (level 0, not foreign-restricted); subject words carry the subject portion's marking and
 * tags words the tags portion's (the cable's: a header portion without a mark of its own carries the cable's, deny
 * by default). A word found in two places keeps the less restrictive marking, since it is readable there anyway.
 * The word rows of cables stored before this rule were rebuilt once (migration V16).
 */
public final class CableTerms {

    public static final int MAX_TERM = 64;

    /** One index row without its cable id. */
    public record Term(String term, short levelRank, boolean foreignRestricted) {
    }

    /**
     * The day a word row of an undated cable carries (cable_term.cable_day, migration V12): before every cable's
     * date, so that the rows sort where the list puts a NULL date (last when newest first, first when oldest first).
     * Not an older date: before the Gregorian reform (1582) the JDBC drivers' java.sql.Date and the SQL literal give
     * different days for the same value, and a word test binding one would miss rows written with the other. Cable
     * dates come from two-digit DTG years (1960-2059) or a CSV date; a cable dated before 1600 would sort after the
     * undated ones, newest first, when its page is read from the word index.
     */
    public static final LocalDate UNDATED = LocalDate.of(1600, 1, 1);

    private CableTerms() {
    }

    /** The cable_day of a cable's word rows: its date, or {@link #UNDATED}. */
    public static LocalDate day(LocalDate cableDate) {
        return cableDate == null ? UNDATED : cableDate;
    }

    /**
     * @param tagsLevelRank         the tags portion's marking: the cable's (a header portion without a mark of its
     *                              own), level rank
     * @param tagsForeignRestricted and whether it may not go to foreign nationals
     */
    public static List<Term> of(String reference, String origin, String tags, String subject, short subjectLevelRank,
                                boolean subjectForeignRestricted, short tagsLevelRank, boolean tagsForeignRestricted) {
        Map<String, Term> terms = new LinkedHashMap<>();
        add(terms, reference, (short) 0, false);
        add(terms, origin, (short) 0, false);
        if (origin != null) {
            add(terms, origin.replace(" ", ""), (short) 0, false);
        }
        add(terms, tags, tagsLevelRank, tagsForeignRestricted);
        add(terms, subject, subjectLevelRank, subjectForeignRestricted);
        return new ArrayList<>(terms.values());
    }

    public static List<Term> of(Cable c) {
        return of(c.getReference(), c.getOrigin(), String.join(" ", c.getTags()), c.getSubject(),
                (short) c.getSubjectLevel().ordinal(), c.isSubjectForeignRestricted(), (short) c.getLevel().ordinal(),
                c.isForeignRestricted());
    }

    private static void add(Map<String, Term> terms, String text, short level, boolean foreign) {
        for (String t : tokens(text)) {
            Term existing = terms.get(t);
            if (existing == null || existing.levelRank() > level
                    || (existing.levelRank() == level && existing.foreignRestricted() && !foreign)) {
                terms.put(t, new Term(t, level, foreign));
            }
        }
    }

    /** Lower-case words of letters and digits, at least two characters, at most {@value MAX_TERM}. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i - start >= 2) {
                String t = text.substring(start, Math.min(i, start + MAX_TERM)).toLowerCase(Locale.ROOT);
                out.add(t);
            }
        }
        return out;
    }
}
