package org.declass.cable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.declass.security.Disclosure;
import org.declass.security.Reader;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Queries on cables. Lists page in the database and never load the original text or the paragraphs. */
@ApplicationScoped
public class CableRepository implements PanacheRepository<Cable> {

    /** The one disclosure decision; its SQL counterpart says which word rows a reader may match on. */
    @Inject
    Disclosure disclosure;

    /** "postgresql" or "h2" (fixed at build time): a few list queries take a PostgreSQL-only index or shape. */
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    private boolean postgres() {
        return "postgresql".equals(dbKind);
    }

    public Optional<Cable> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    /** The stored cables among these reference ids (at most 200 looked up). */
    public List<Cable> findByReferences(java.util.Collection<String> references) {
        List<String> ids = references.stream().limit(200).toList();
        return ids.isEmpty() ? List.of() : list("reference in ?1", ids);
    }

    public Optional<Cable> findBySha256(String sha256) {
        return find("sha256", sha256).firstResultOptional();
    }

    /**
     * One page of cables matching the query. The text filter looks at the subject only where the reader's
     * clearance covers the subject's level, so that a match never reveals a subject the reader may not see.
     */
    public List<Cable> page(CableQuery query, Reader reader) {
        Filter f = filter(query, reader);
        if (f.empty) {
            return List.of();
        }
        if (wordOrder && f.rarest != null && f.rarest.isWord() && f.plain.equals("1 = 1")
                && !"reference".equals(query.sort()) && !"declass".equals(query.sort())) {
            return pageInWordOrder(f, query);
        }
        if (codeOrder && postgres() && f.rarest != null && !f.rarest.isWord() && f.joins.size() == 1
                && f.plain.equals("1 = 1") && !"reference".equals(query.sort()) && !"declass".equals(query.sort())) {
            return pageInCodeOrder(query);
        }
        String jpql = "select c from Cable c where " + f.where + orderBy(query);
        var q = getEntityManager().createQuery(jpql, Cable.class)
                .setFirstResult(query.page() * query.size())
                .setMaxResults(query.size());
        bind(q, jpql, f.params);
        return q.getResultList();
    }

    /** Off only in tests that compare the page read from the word index with the other ways. */
    static volatile boolean wordOrder = true;

    /** Off only in tests that compare the page read from a finding code's index (PostgreSQL) with the other ways. */
    static volatile boolean codeOrder = true;

    /**
     * A search by words alone (and perhaps a finding code), in a date order: the page is read from the rarest
     * word's index rows in list order, {@code (term, cable_day, cable_id)} (V12), each tested for the reader's
     * marking and the other words in the same index (a finding code in its own), and only the page's cables are
     * read. Page 0 of one word reads its first 50 index entries; two words read the rarer one's entries until the
     * page is full. The cable_day of an undated cable sorts where the list puts a NULL date, so the page is the
     * one {@link #orderBy} gives.
     */
    private List<Cable> pageInWordOrder(Filter f, CableQuery query) {
        SemiJoin lead = f.rarest;
        String dir = "oldest".equals(query.sort()) ? "" : " desc";
        String id = lead.alias() + ".cableId";
        StringBuilder jpql = new StringBuilder("select ").append(id).append(" from CableTerm ").append(lead.alias())
                .append(" where ").append(lead.condition());
        for (SemiJoin j : f.joins) {
            if (j != lead) {
                jpql.append(" and ").append(j.exists(id, lead.alias() + ".cableDay"));
            }
        }
        // the term first, though the condition fixes it: H2 matches an ORDER BY to an index column by column from
        // the first, and then reads the index in order and stops at the page ("index sorted", 50 entries read)
        jpql.append(" order by ").append(lead.alias()).append(".term").append(dir).append(", ").append(lead.alias())
                .append(".cableDay").append(dir).append(", ").append(id).append(dir);
        var q = getEntityManager().createQuery(jpql.toString(), Long.class)
                .setFirstResult(query.page() * query.size())
                .setMaxResults(query.size());
        bind(q, jpql.toString(), f.params);
        return inOrder(q.getResultList());
    }

    /**
     * A finding code alone, in a date order, on PostgreSQL: the page is read from ix_finding_code_day (code,
     * cable_day DESC, cable_id DESC; db/postgresql V17_1) in list order, a cable with the code twice counted once,
     * and only the page's cables are read. Page 0 reads about 50 index entries, however the code's cables fall over
     * the dates (the plan it replaces walked the list's date index testing each cable for the code: 190,000 cables
     * for the newest page of a code whose cables are all old).
     */
    private List<Cable> pageInCodeOrder(CableQuery query) {
        String dir = "oldest".equals(query.sort()) ? "" : " desc";
        var q = getEntityManager().createNativeQuery("select f.cable_id from cable_finding f where f.code = ?1"
                        + " group by f.cable_day, f.cable_id order by f.cable_day" + dir + ", f.cable_id" + dir
                        + " offset ?2 limit ?3", Long.class)
                .setParameter(1, query.rule().toUpperCase(Locale.ROOT))
                .setParameter(2, (long) query.page() * query.size())
                .setParameter(3, query.size());
        List<Long> ids = new ArrayList<>();
        for (Object o : q.getResultList()) {
            ids.add(((Number) o).longValue());
        }
        return inOrder(ids);
    }

    /**
     * Of these cable ids (a full-text search's matches), those that the query's other filters (level, origin, state,
     * errors, finding code) keep: in the list order of {@code query} when {@code listOrder}, else in the given order.
     */
    public List<Long> keep(List<Long> ids, CableQuery query, Reader reader, boolean listOrder) {
        if (ids.isEmpty()) {
            return List.of();
        }
        CableQuery others = new CableQuery(query.level(), query.origin(), query.state(), null, query.hasErrors(),
                query.rule(), query.sort(), 0, query.size());
        Filter f = filter(others, reader);
        if (f.empty) {
            return List.of();
        }
        String jpql = "select c.id from Cable c where " + f.where + " and c.id in :searchIds"
                + (listOrder ? orderBy(query) : "");
        var q = getEntityManager().createQuery(jpql, Long.class);
        bind(q, jpql, f.params);
        q.setParameter("searchIds", ids);
        List<Long> kept = q.getResultList();
        if (listOrder) {
            return kept;
        }
        java.util.Set<Long> set = new java.util.HashSet<>(kept);
        return ids.stream().filter(set::contains).toList();
    }

    /** The cables of these ids, in this order (one query by primary key). */
    List<Cable> inOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Cable> byId = new HashMap<>();
        for (Cable c : getEntityManager().createQuery("select c from Cable c where c.id in :ids", Cable.class)
                .setParameter("ids", ids).getResultList()) {
            byId.put(c.getId(), c);
        }
        List<Cable> out = new ArrayList<>(ids.size());
        for (Long i : ids) {
            Cable c = byId.get(i);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** Sets the parameters the query names (a filter's map may hold more than one form of the query uses). */
    private static void bind(jakarta.persistence.Query q, String jpql, Map<String, Object> params) {
        params.forEach((k, v) -> {
            if (java.util.regex.Pattern.compile(":" + k + "\\b").matcher(jpql).find()) {
                q.setParameter(k, v);
            }
        });
    }

    /**
     * The list order. For the date orders, the columns a filter fixes to one value come first, in the order of an
     * index (origin, level) or (level), (origin), (state), each followed by (cable_date, id): the order is the
     * same (those columns hold one value; "has errors" adds has_errors after the state, or alone: V10_1), and H2
     * then reads that index in order and stops at the page instead of
     * sorting every match (H2 matches an ORDER BY to an index only column by column from the first; PostgreSQL
     * drops such columns from the order itself).
     */
    static String orderBy(CableQuery query) {
        boolean desc = !"oldest".equals(query.sort());
        String dir = desc ? " desc" : "";
        return switch (query.sort()) {
            case "reference" -> " order by c.reference";
            case "declass" -> " order by c.declassDate nulls last, c.id";
            default -> {
                StringBuilder o = new StringBuilder(" order by ");
                if (query.origin() != null) {
                    o.append("c.origin").append(dir).append(", ");
                    if (query.level() != null) {
                        o.append("c.levelRank").append(dir).append(", ");
                    }
                } else if (query.level() != null) {
                    o.append("c.levelRank").append(dir).append(", ");
                } else if (query.state() != null) {
                    o.append("c.state").append(dir).append(", ");
                    if (Boolean.TRUE.equals(query.hasErrors())) {
                        o.append("c.hasErrors").append(dir).append(", ");
                    }
                } else if (Boolean.TRUE.equals(query.hasErrors())) {
                    o.append("c.hasErrors").append(dir).append(", ");
                }
                o.append(desc ? "c.date desc nulls last, c.id desc" : "c.date nulls first, c.id");
                yield o.toString();
            }
        };
    }

    /**
     * Counting a list without words or finding code stops here (beyond it the list says "10,000+"): the count then
     * reads at most this many entries of the index the filter uses.
     */
    public static final int COUNT_CAP = 10_000;

    /**
     * Counting a search that combines words or a finding code with anything else stops here ("1,000+"): such a count
     * reads the rarest word's (or code's) rows and tests the other conditions on each. A single word alone is counted
     * exactly from {@code cable_term_frequency} and never reads its rows.
     */
    public static final int SEARCH_COUNT_CAP = 1_000;

    /** {@link #SEARCH_COUNT_CAP}, changed only by tests that need a capped count without 1,000 cables. */
    static volatile int searchCountCap = SEARCH_COUNT_CAP;

    /**
     * A word or finding code matched by at most this many index rows is "rare": the query starts from its rows
     * (at most this many look-ups, then a sort of the matches). A more common one is checked row by row while the
     * list is read in its own order (an index), which stops as soon as the page is full.
     */
    static final int RARE_ROWS = 2_000;

    /** {@link #RARE_ROWS}, changed only by tests that compare the two ways of running a search. */
    static volatile int rareRows = RARE_ROWS;

    /**
     * How many cables match: exact, or when {@code capped} at least {@code value} (a list shows "1,000+"). The
     * limit is never below the end of the next page, so that a reader paging on always has a next page to go to.
     */
    public record Total(long value, boolean capped) {
    }

    /**
     * The number of matches for this reader. Every count applies the same access conditions as the rows (a word
     * matches only where the reader may read it), so a total never reveals a cable or a subject word the page
     * would not show.
     */
    public Total count(CableQuery query, Reader reader) {
        Filter f = filter(query, reader);
        if (f.empty) {
            return new Total(0, false);
        }
        long pagesOn = (long) (query.page() + 2) * query.size();
        if (f.joins.isEmpty()) {
            long limit = Math.max(COUNT_CAP, pagesOn);
            if (f.where.equals("1 = 1")) {
                // H2 keeps the row count (count(*) is free); PostgreSQL counts every row (87-99 ms at 251,287
                // cables), so there it reads at most limit + 1 entries of the primary key, as the filters do
                long n = postgres() ? cappedCount("select count(*) from (select 1 from cable fetch first "
                        + (limit + 1) + " rows only) x") : count();
                return n > limit ? new Total(limit, true) : new Total(n, false);
            }
            return distinctUpTo("select c.id from Cable c where " + f.where, f.params, limit, false);
        }
        if (f.joins.size() == 1 && f.plain.equals("1 = 1") && f.rarest.exactRows()) {
            // one word alone: its count for this reader, kept at ingest (a few rows, not the matches)
            return new Total(f.rarest.rows(), false);
        }
        long limit = Math.max(searchCountCap, pagesOn);
        // counting visits every match up to the limit, so it starts from the rarest word's (or code's) rows and tests
        // the rest on each; a cable may have a code twice, so the matches are told apart by id
        String id = f.rarest.alias() + "." + f.rarest.cableIdPath();
        // the other words are tested at the cable's day: on a word's row its own cable_day, on a finding code's row
        // the cable's (so the cable is joined)
        StringBuilder w = new StringBuilder(f.rarest.condition());
        for (SemiJoin j : f.joins) {
            if (j != f.rarest) {
                w.append(" and ").append(j.exists(id, f.rarest.isWord() ? f.rarest.day() : CABLE_DAY));
            }
        }
        String jpql;
        if (f.plain.equals("1 = 1") && (f.rarest.isWord() || f.joins.size() == 1)) {
            // only words and the code, or a code alone: their rows alone (every row's cable exists: the foreign
            // keys; a code alone needs no cable's day, so no cable row is read)
            jpql = "select " + id + " from " + f.rarest.entity() + " " + f.rarest.alias() + " where " + w;
        } else if (f.rarest.rows() > rareRows && plainRowsAtMost(f, f.rarest.rows() / 2)) {
            // the other filters (level, origin, state) match fewer cables than the rarest word: their index drives,
            // each of its cables tested for the words (a tag with 25,000 cables, but 600 SECRET ones from ANKARA)
            jpql = "select c.id from Cable c where " + f.drivenBy(null).where;
            return distinctUpTo(jpql, f.params, limit, false);
        } else {
            jpql = "select c.id from " + f.rarest.entity() + " " + f.rarest.alias() + " join Cable c on c.id = " + id
                    + " where " + w + " and " + f.plain;
        }
        return distinctUpTo(jpql, f.params, limit, f.rarest.entity().equals("CableFinding"));
    }

    /** Whether the filters without words or code (level, origin, state, errors) match at most {@code n} cables. */
    private boolean plainRowsAtMost(Filter f, long n) {
        String jpql = "select c.id from Cable c where " + f.plain;
        var q = getEntityManager().createQuery(jpql, Long.class)
                .setMaxResults((int) Math.min(Integer.MAX_VALUE - 1, n) + 1);
        bind(q, jpql, f.params);
        return q.getResultList().size() <= n;
    }

    /**
     * Reads at most {@code limit} + 1 ids, or twice that many rows where a cable may come {@code repeated} (a
     * finding code's rows). Capped when more than {@code limit} distinct ids, or the row limit, were reached.
     */
    private Total distinctUpTo(String jpql, Map<String, Object> params, long limit, boolean repeated) {
        int rows = (int) Math.min(Integer.MAX_VALUE / 2, (repeated ? 2 : 1) * (limit + 1));
        var q = getEntityManager().createQuery(jpql, Long.class).setMaxResults(rows);
        bind(q, jpql, params);
        List<Long> ids = q.getResultList();
        long distinct = new java.util.HashSet<>(ids).size();
        if (distinct > limit || ids.size() >= rows) {
            return new Total(Math.min(distinct, limit), true);
        }
        return new Total(distinct, false);
    }

    public List<String> origins() {
        return getEntityManager()
                .createQuery("select distinct c.origin from Cable c where c.origin is not null order by c.origin",
                        String.class)
                .setMaxResults(1000)
                .getResultList();
    }

    /**
     * A where clause over {@code Cable c}. Words and the rule are semi-joins: each is written as
     * {@code exists (...)} (checked per row, in the list's order) except the rare one, if any, written as
     * {@code c.id in (...)} so that the database starts from its rows.
     */
    private record Filter(String where, Map<String, Object> params, boolean empty, SemiJoin rarest,
                          String plain, List<SemiJoin> joins) {

        /**
         * The where clause with {@code first} (if any) as "c.id in (its rows that pass the other semi-joins)", so
         * that the database tests the other words on the word index before it reads a cable row, and otherwise
         * every semi-join as "exists", tested per cable in list order.
         */
        Filter drivenBy(SemiJoin first) {
            StringBuilder w = new StringBuilder(plain);
            if (first == null) {
                for (SemiJoin j : joins) {
                    w.append(" and ").append(j.exists("c.id", CABLE_DAY));
                }
            } else {
                String id = first.alias() + "." + first.cableIdPath();
                StringBuilder sub = new StringBuilder(first.condition());
                for (SemiJoin j : joins) {
                    if (j != first) {
                        if (first.isWord()) {
                            sub.append(" and ").append(j.exists(id, first.day()));
                        } else {
                            // a finding code's rows give no day: the words are tested on each of its cables
                            w.append(" and ").append(j.exists("c.id", CABLE_DAY));
                        }
                    }
                }
                w.append(" and c.id in (select ").append(id).append(" from ").append(first.entity()).append(' ')
                        .append(first.alias()).append(" where ").append(sub).append(')');
            }
            return new Filter(w.toString(), params, empty, rarest, plain, joins);
        }
    }

    /**
     * One semi-join condition: rows of {@code entity alias} where {@code condition}, linked by {@code cableIdPath}.
     * {@code rows}: how many rows match, exact when {@code exactRows} (a word, for this reader), else counted up to
     * {@link #CODE_ROWS} + 1 (a finding code, whose rows may repeat a cable).
     */
    private record SemiJoin(String entity, String alias, String cableIdPath, String condition, long rows,
                            boolean exactRows) {

        /**
         * Whether the cable {@code cableId} has a matching row. For a word, {@code day} (the cable's cable_day,
         * required) makes the test one look-up of (term, cable_day, cable_id) in ix_cable_term_day, which
         * also holds the marking columns the condition checks, so no row is read.
         */
        String exists(String cableId, String day) {
            if (isWord() && day == null) {
                // without the day, the look-up would start a range scan of the word's rows in ix_cable_term_day
                throw new IllegalArgumentException("a word is tested at a cable's day");
            }
            return "exists (select 1 from " + entity + " " + alias + " where " + alias + "." + cableIdPath
                    + " = " + cableId + (isWord() ? " and " + alias + ".cableDay = " + day : "")
                    + " and " + condition + ")";
        }

        boolean isWord() {
            return entity.equals("CableTerm");
        }

        /** This join's cable_day path, for the other words' tests (null for a finding code). */
        String day() {
            return isWord() ? alias + ".cableDay" : null;
        }
    }

    /** A cable's cable_day in a query over {@code Cable c} (see {@link CableTerms#day}). */
    private static final String CABLE_DAY = "coalesce(c.date, :undated)";

    private Filter filter(CableQuery query, Reader reader) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.level() != null) {
            where.append(" and c.levelRank = :level");
            params.put("level", (short) query.level().ordinal());
        }
        if (query.origin() != null) {
            where.append(" and c.origin = :origin");
            params.put("origin", query.origin().toUpperCase(Locale.ROOT));
        }
        if (query.state() != null) {
            where.append(" and c.state = :state");
            params.put("state", query.state());
        }
        if (Boolean.TRUE.equals(query.hasErrors())) {
            // has_errors: error_count > 0 kept by the database, indexed with the state in list order (V10_1)
            where.append(" and c.hasErrors = true");
        }
        List<SemiJoin> joins = new ArrayList<>();
        boolean empty = false;
        if (query.rule() != null) {
            // ix_finding_code (code, cable_id)
            String rule = query.rule().toUpperCase(Locale.ROOT);
            params.put("rule", rule);
            joins.add(new SemiJoin("CableFinding", "f", "cable.id", "f.code = :rule", findingRows(rule), false));
        }
        if (query.q() != null) {
            // every word of q must be a word of the reference, origin, tags or (where readable) the subject;
            // each term row carries the marking needed to match on it (see CableTerms)
            // a typed cable id ("05 RIO 123", "05RIO123") is looked for as its canonical reference (issue 16)
            java.util.Optional<String> id = org.declass.cableid.CableIds.canonical(query.q());
            List<String> words = id.isPresent() ? List.of(id.get().toLowerCase(Locale.ROOT))
                    : CableTerms.tokens(query.q()).stream().distinct().limit(8).toList();
            if (words.isEmpty()) {
                empty = true;
            }
            int i = 0;
            for (String w : words) {
                // pk_cable_term (term, cable_id)
                // the row's marking through the one disclosure decision: a word matches only where it may be read
                Disclosure.SqlCondition readable = disclosure.sql(reader, "t" + i + ".levelRank",
                        "t" + i + ".foreignRestricted", "t" + i);
                joins.add(new SemiJoin("CableTerm", "t" + i, "cableId", "t" + i + ".term = :t" + i
                        + " and " + readable.text(), termRows(w, reader), true));
                params.put("t" + i, w);
                params.putAll(readable.params());
                i++;
            }
            if (i > 0) {
                params.put("undated", CableTerms.UNDATED);
            }
        }
        SemiJoin rarest = joins.stream().min(java.util.Comparator.comparingLong(SemiJoin::rows)).orElse(null);
        if (rarest != null && rarest.rows() == 0) {
            empty = true;
        }
        Filter plain = new Filter(where.toString(), params, empty, rarest, where.toString(), joins);
        // starting from rows costs their number (bounded); reading in list order costs the estimate, which assumes
        // independence and may be far off for a finding code (R-EO-1, 3,614 cables, mostly old: 190,618 cables
        // tested for the newest page), so a code's rows are preferred unless the estimate is several times smaller;
        // for words the estimate held (a common word in date order is cheaper than reading all its cables)
        boolean fromRows = rarest != null && !empty
                && (rarest.rows() <= rareRows || (estimateScan && (rarest.exactRows() || rarest.rows() <= CODE_ROWS)
                        && rarest.rows() < (rarest.exactRows() ? 1 : SCAN_RISK)
                                * scanEstimate(joins, (long) (query.page() + 1) * query.size())));
        return plain.drivenBy(fromRows ? rarest : null);
    }

    /** How much cheaper the estimated read in list order must be before it is preferred to a finding code's rows. */
    static final int SCAN_RISK = 4;

    /** A finding code's rows are counted up to this many (+ 1), enough to weigh them against the estimate. */
    static final int CODE_ROWS = 10_000;

    /** Off only in tests that compare the two ways of running a search ({@link #rareRows} alone decides then). */
    static volatile boolean estimateScan = true;

    /**
     * How many cables a read in list order tests before it has {@code pageEnd} matches, if the words occur
     * independently: pageEnd / (f1/N × f2/N × …) with the words' exact counts f (a finding code's count is a lower
     * bound: it makes the estimate smaller, never larger). Two words of 2,900 and 2,100 cables in 251,287 have about
     * 24 cables in common: reading in date order would test about 500,000 cables (every cable) for a page of 50,
     * starting from the rarer word's 2,100 rows tests 2,100.
     */
    private double scanEstimate(List<SemiJoin> joins, long pageEnd) {
        double n = Math.max(1, cableCount());
        double share = 1;
        for (SemiJoin j : joins) {
            share *= Math.min(1, j.rows() / n);
        }
        return share <= 0 ? Double.MAX_VALUE : pageEnd / share;
    }

    private volatile long cableCount = -1;
    private volatile long cableCountAt;

    /** The number of cables, read again at most once a minute: only the search strategy's estimate uses it. */
    private long cableCount() {
        long now = System.nanoTime();
        if (cableCount < 0 || now - cableCountAt > 60_000_000_000L) {
            cableCount = count();
            cableCountAt = now;
        }
        return cableCount;
    }

    /**
     * The cables a word matches for this reader, exactly: the sum of its counts (cable_term_frequency, kept at ingest)
     * over the markings the reader may match on, the same condition as the semi-join's. At most 8 rows read.
     */
    private long termRows(String term, Reader reader) {
        Disclosure.SqlCondition readable = disclosure.nativeSql(reader, "level_rank", "foreign_restricted");
        var q = getEntityManager().createNativeQuery("select coalesce(sum(cables), 0) from cable_term_frequency"
                + " where term = ? and " + readable.text());
        q.setParameter(1, term);
        for (int k = 0; k < readable.positional().size(); k++) {
            q.setParameter(k + 2, readable.positional().get(k));
        }
        return ((Number) q.getSingleResult()).longValue();
    }

    private long findingRows(String code) {
        return cappedCount("select count(*) from (select 1 from cable_finding where code = ?1 fetch first "
                + (CODE_ROWS + 1) + " rows only) x", code);
    }

    private long cappedCount(String sql, Object... params) {
        var q = getEntityManager().createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return ((Number) q.getSingleResult()).longValue();
    }
}
