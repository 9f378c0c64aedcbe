package org.declass.release;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.declass.cable.Cable;
import org.declass.cable.WorkflowState;
import org.declass.marking.ReleaseDate;
import org.declass.security.Disclosure;
import org.declass.security.Reader;

/**
 * Upcoming and overdue releases, read from the effective-date indexes. References and dates are shown to every
 * signed-in user; a subject only to a reader cleared for its marking; the derivation (which may quote the
 * instruction) only to a reader cleared for the cable's banner.
 */
@ApplicationScoped
public class ReleaseCalendar {

    static final int ITEM_LIMIT = 500;

    @Inject
    EntityManager em;

    @Inject
    Disclosure policy;

    @Inject
    ReleaseSweep sweep;

    @Inject
    Clock clock;

    public record Month(String month, long count, long approved) {
    }

    /** One upcoming or overdue release. {@code subject} and {@code derivation} are null when withheld. */
    public record Item(long id, String reference, LocalDate releaseOn, String basis, String state, String subject,
                       boolean subjectWithheld, String derivation, String subjectPlaceholder) {
    }

    public record Overdue(long count, long dueApprovedAwaitingSweep, long onHold, List<Item> items) {
    }

    public record Calendar(LocalDate from, LocalDate to, LocalDate today, List<Month> months, long upcoming,
                           List<Item> items, boolean itemsCapped, Overdue overdue) {
        /** The largest monthly count, for the chart's scale. */
        public long maxCount() {
            return months.stream().mapToLong(Month::count).max().orElse(0);
        }
    }

    /** The counts on the home page. */
    public record Counts(long overdue, long dueApproved, long onHoldDue, long next30Days) {
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Cables not yet released whose release date falls in [from, to], by month, plus the overdue queue. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Calendar calendar(LocalDate from, LocalDate to, Reader reader) {
        Map<YearMonth, long[]> byMonth = new TreeMap<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            byMonth.put(m, new long[2]);
            if (byMonth.size() > 1200) {
                break;
            }
        }
        List<Object[]> rows = em.createQuery("select extract(year from c.releaseOn), extract(month from c.releaseOn),"
                        + " c.state, count(c) from Cable c where c.releaseOn >= :from and c.releaseOn <= :to"
                        + " and c.state <> :released group by extract(year from c.releaseOn),"
                        + " extract(month from c.releaseOn), c.state", Object[].class)
                .setParameter("from", from).setParameter("to", to).setParameter("released", WorkflowState.RELEASED)
                .getResultList();
        long upcoming = 0;
        for (Object[] r : rows) {
            YearMonth m = YearMonth.of(((Number) r[0]).intValue(), ((Number) r[1]).intValue());
            long n = ((Number) r[3]).longValue();
            long[] c = byMonth.computeIfAbsent(m, k -> new long[2]);
            c[0] += n;
            if (r[2] == WorkflowState.APPROVED) {
                c[1] += n;
            }
            upcoming += n;
        }
        List<Month> months = new ArrayList<>();
        byMonth.forEach((m, c) -> months.add(new Month(m.toString(), c[0], c[1])));
        List<Cable> cables = em.createQuery("select c from Cable c where c.releaseOn >= :from and c.releaseOn <= :to"
                        + " and c.state <> :released order by c.releaseOn, c.id", Cable.class)
                .setParameter("from", from).setParameter("to", to).setParameter("released", WorkflowState.RELEASED)
                .setMaxResults(ITEM_LIMIT).getResultList();
        List<Item> items = cables.stream().map(c -> item(c, reader)).toList();
        return new Calendar(from, to, today(), months, upcoming, items, upcoming > items.size(), overdue(reader));
    }

    /** Due (the date has come) but waiting for people: NEW, IN_REVIEW, SUBMITTED or RETURNED. Never released. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Overdue overdue(Reader reader) {
        LocalDate today = today();
        List<Cable> cables = em.createQuery("select c from Cable c where c.state in :waiting and c.releaseOn <= :today"
                        + " order by c.releaseOn, c.id", Cable.class)
                .setParameter("waiting", ReleaseSweep.WAITING).setParameter("today", today)
                .setMaxResults(200).getResultList();
        return new Overdue(sweep.countDue(ReleaseSweep.WAITING, today),
                sweep.countDue(List.of(WorkflowState.APPROVED), today),
                sweep.countDue(List.of(WorkflowState.ON_HOLD), today),
                cables.stream().map(c -> item(c, reader)).toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Counts counts() {
        LocalDate today = today();
        long next30 = em.createQuery("select count(c) from Cable c where c.releaseOn > :today and c.releaseOn <= :until"
                        + " and c.state <> :released", Long.class)
                .setParameter("today", today).setParameter("until", today.plusDays(30))
                .setParameter("released", WorkflowState.RELEASED).getSingleResult();
        return new Counts(sweep.countDue(ReleaseSweep.WAITING, today),
                sweep.countDue(List.of(WorkflowState.APPROVED), today),
                sweep.countDue(List.of(WorkflowState.ON_HOLD), today), next30);
    }

    Item item(Cable c, Reader reader) {
        org.declass.security.Classification subject = org.declass.security.Classification.of(c.getSubjectLevel(),
                c.isSubjectForeignRestricted());
        boolean subjectReadable = policy.mayRead(reader, subject);
        boolean headerReadable = policy.mayRead(reader, c.getLevel(), c.isForeignRestricted());
        ReleaseDate r = c.getRelease();
        return new Item(c.getId(), c.getReference(), c.getReleaseOn(),
                c.getReleaseBasis() == null ? null : c.getReleaseBasis().name(), c.getState().name(),
                subjectReadable ? c.getSubject() : null, !subjectReadable,
                headerReadable && r != null ? r.derivation() : null,
                subjectReadable ? null : policy.placeholder(subject));
    }
}
