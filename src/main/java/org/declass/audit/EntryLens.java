package org.declass.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.declass.security.Classification;
import org.declass.security.Disclosure;
import org.declass.security.Reader;

/**
 * Entries as one reader may see them: the note or reason, and the span offsets, of an entry the reader is not
 * cleared for (by {@link EntryClassification}) give way to the placeholder of {@link Disclosure#note} and to
 * nothing. The stored entry is not touched (its hash still verifies); only what is rendered changes.
 * <p>
 * For one output (a page, an export): classifications are looked up per batch of entries ({@link #prepare}), in
 * one call for the cables not yet known, and kept in a cache of at most {@code cacheSize} cables, so that an export
 * of a million entries runs in constant memory. Not thread-safe; not shared between readers.
 */
public final class EntryLens {

    /** What an export's lens keeps: more than the cables of one page of rows ({@link AuditRows#PAGE}). */
    public static final int CACHE = 8192;

    private final Disclosure disclosure;
    private final AttachedClassifications source;
    private final Reader reader;
    private final Map<Long, AttachedClassifications.CableClassifications> cache;
    private final Set<Long> missing;
    /** The cables of the batch last prepared, all of them, whatever the cache keeps. */
    private Map<Long, AttachedClassifications.CableClassifications> batch = Map.of();

    public EntryLens(Disclosure disclosure, AttachedClassifications source, Reader reader, int cacheSize) {
        this.disclosure = disclosure;
        this.source = source;
        this.reader = reader;
        int max = Math.max(16, cacheSize);
        this.cache = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, AttachedClassifications.CableClassifications> e) {
                return size() > max;
            }
        };
        this.missing = java.util.Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> e) {
                return size() > max;
            }
        });
    }

    /** Looks up, in one call, the cables of these entries that are not known yet. */
    public void prepare(Collection<AuditRecord> entries) {
        Set<Long> wanted = new LinkedHashSet<>();
        for (AuditRecord r : entries) {
            if (needsCable(r) && !cache.containsKey(r.cableId()) && !missing.contains(r.cableId())) {
                wanted.add(r.cableId());
            }
        }
        batch = load(wanted);
    }

    private static boolean needsCable(AuditRecord r) {
        return r.cableId() != null && !EntryClassification.TRAIL_READS.contains(r.action());
    }

    private Map<Long, AttachedClassifications.CableClassifications> load(Set<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, AttachedClassifications.CableClassifications> found = source.of(ids);
        for (Long id : ids) {
            AttachedClassifications.CableClassifications c = found.get(id);
            if (c == null) { // looked up and not found
                missing.add(id);
            } else {
                cache.put(id, c);
            }
        }
        return found;
    }

    /** The classification of the entry's note and offsets (looked up now if {@link #prepare} did not). */
    public Classification classify(AuditRecord r) {
        if (!needsCable(r)) {
            return EntryClassification.of(r, Map.of());
        }
        AttachedClassifications.CableClassifications c = batch.get(r.cableId());
        if (c == null) {
            c = cache.get(r.cableId());
        }
        if (c == null && !missing.contains(r.cableId())) {
            c = load(Set.of(r.cableId())).get(r.cableId());
        }
        return c == null ? EntryClassification.UNKNOWN_CABLE : EntryClassification.of(r, Map.of(r.cableId(), c));
    }

    /** Whether the reader may read the entry's note and offsets. */
    public boolean mayRead(AuditRecord r) {
        return disclosure.mayRead(reader, classify(r));
    }

    /** The fields withheld from this reader: empty, or some of note, span_start, span_end (column names). */
    public List<String> withheld(AuditRecord r) {
        if (r.note() == null && r.spanStart() == null && r.spanEnd() == null) {
            return List.of();
        }
        if (mayRead(r)) {
            return List.of();
        }
        List<String> out = new ArrayList<>(3);
        if (r.note() != null) {
            out.add("note");
        }
        if (r.spanStart() != null) {
            out.add("span_start");
        }
        if (r.spanEnd() != null) {
            out.add("span_end");
        }
        return out;
    }

    /**
     * The entry as this reader may see it: unchanged when cleared, else with the note replaced by the placeholder
     * naming its level and the span offsets removed. Its hashes are those of the stored entry.
     */
    public AuditRecord shown(AuditRecord r) {
        if (r.note() == null && r.spanStart() == null && r.spanEnd() == null) {
            return r;
        }
        Classification c = classify(r);
        if (disclosure.mayRead(reader, c)) {
            return r;
        }
        return new AuditRecord(r.seq(), r.at(), r.actor(), r.actorRoles(), r.action(), r.cableId(),
                r.cableReference(), r.paragraph(), null, null, r.codes(), r.markingBefore(), r.markingAfter(),
                disclosure.note(reader, c, r.note()), r.requestId(), r.clientAddress(), r.attemptedName(), r.prevHash(),
                r.hash());
    }

    /** The entry for the API and the pages, as this reader may see it (the same record when nothing is withheld). */
    public AuditEntryView view(AuditRecord r) {
        AuditRecord shown = shown(r);
        return AuditEntryView.of(shown, shown != r);
    }

    public List<AuditEntryView> views(List<AuditRecord> entries) {
        prepare(entries);
        return entries.stream().map(this::view).toList();
    }

    public Reader reader() {
        return reader;
    }
}
