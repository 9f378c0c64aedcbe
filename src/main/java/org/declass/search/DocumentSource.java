package org.declass.search;

import java.util.List;

/**
 * Where one index reads its documents from: implemented by the feature that owns them (the cables, the released
 * versions), found by CDI, so that this package imports no feature.
 */
public interface DocumentSource {

    /** The index's name, also written in {@code search_change.index_name}. */
    String index();

    /** Whether each portion is matched only by readers cleared for it (staff); false: everything is public. */
    boolean portionAware();

    /** How many documents the index should hold (a rebuild is due when it holds another number). */
    long count();

    /** The keys after {@code afterKey}, in key order, at most {@code limit}: the rebuild's cursor. */
    List<Long> keysAfter(long afterKey, int limit);

    /** The documents of these keys as they are now; a key without a document is dropped from the index. */
    List<SearchDocument> load(List<Long> keys);
}
