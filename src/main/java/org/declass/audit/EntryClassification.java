package org.declass.audit;

import java.util.Map;
import java.util.Set;

import org.declass.marking.ClassificationLevel;
import org.declass.security.Classification;

/**
 * The classification of an entry's note or reason (and, for a paragraph, its span offsets): the level of what it
 * is attached to.
 * <ul>
 * <li>an entry with a cable and a paragraph (a redaction, a mark, a disposition): that paragraph's current
 * classification;</li>
 * <li>an entry with a cable and no paragraph (hold, return, approve, claim, a header portion, an ingest, a read):
 * the cable's banner (or the highest of its portions, when one stands above the banner);</li>
 * <li>an entry with no cable (logins, accounts, exemption codes) and the trail's own reads (AUDIT_QUERIED,
 * AUDIT_EXPORTED, AUDIT_VERIFIED, whose note the trail writes: the filter, the result): unclassified;</li>
 * <li>an entry about a cable that cannot be found: TOP SECRET, restricted (deny by default).</li>
 * </ul>
 */
public final class EntryClassification {

    /** What an entry about a cable that cannot be found is taken to be. */
    public static final Classification UNKNOWN_CABLE = new Classification(ClassificationLevel.TOP_SECRET, true);

    static final Set<String> TRAIL_READS = Set.of(AuditAction.AUDIT_QUERIED.name(),
            AuditAction.AUDIT_EXPORTED.name(), AuditAction.AUDIT_VERIFIED.name());

    private EntryClassification() {
    }

    /** @param cables the classifications of (at least) the entry's cable, by id; a cable absent is unknown */
    public static Classification of(AuditRecord entry, Map<Long, AttachedClassifications.CableClassifications> cables) {
        if (entry.cableId() == null || TRAIL_READS.contains(entry.action())) {
            return Classification.UNCLASSIFIED;
        }
        AttachedClassifications.CableClassifications cable = cables.get(entry.cableId());
        if (cable == null) {
            return UNKNOWN_CABLE;
        }
        return entry.paragraph() == null ? cable.whole() : cable.paragraph(entry.paragraph());
    }
}
