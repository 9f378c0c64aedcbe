package org.declass.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import org.declass.audit.AuditAction;
import org.declass.audit.AuditEvent;
import org.declass.audit.AuditTrail;
import org.declass.cable.Cable;
import org.declass.cable.CableFinding;
import org.declass.cable.CableHeader;
import org.declass.cable.CableService;
import org.declass.cable.Paragraph;
import org.declass.ingest.parser.CableParser;
import org.declass.ingest.parser.IdentityCheck;
import org.declass.ingest.parser.ParseHints;
import org.declass.ingest.parser.ParseResult;
import org.declass.ingest.parser.ParsedCable;
import org.declass.ingest.parser.ParsedParagraph;
import org.declass.marking.CableMarkings;
import org.declass.marking.Finding;
import org.declass.marking.MarkingValidator;
import org.declass.marking.Marking;

/**
 * Turns raw cable text into stored cables: checks the bytes, parses, refuses conflicts, stores the cable, its
 * paragraphs and findings in one transaction. Idempotent: the same text twice is one cable.
 */
@ApplicationScoped
public class IngestService {

    private static final Set<String> CABLE_WIDE_FOREIGN_CAPTIONS = Set.of("NOFORN", "EXDIS", "NODIS");

    private final CableParser parser = new CableParser();

    private final MarkingValidator validator = new MarkingValidator();

    @Inject
    CableService cables;

    @Inject
    Clock clock;

    @Inject
    AuditTrail auditTrail;

    @Inject
    BulkImporter bulkImporter;

    @Inject
    jakarta.enterprise.inject.Instance<io.quarkus.security.identity.SecurityIdentity> identity;

    private String identityRoles() {
        try {
            if (io.quarkus.arc.Arc.container().requestContext().isActive() && !identity.get().isAnonymous()) {
                return String.join(",", new java.util.TreeSet<>(identity.get().getRoles()));
            }
        } catch (RuntimeException ignored) {
            // no identity here (a background job)
        }
        return "ADMIN";
    }

    /** Checks, parses and stores one cable, each attempt in its own transaction. */
    public IngestOutcome ingest(byte[] bytes, ParseHints hints, String actor) {
        String text = TextInput.decode(bytes, "the cable text");
        String sha = sha256(bytes);
        ParsedCable parsed = parse(text, hints);
        IngestOutcome out;
        try {
            out = QuarkusTransaction.requiringNew().call(() -> store(parsed, text, sha, hints, actor));
        } catch (PersistenceException e) {
            // a concurrent ingest stored the same reference first: answer as if we had come second
            Log.debugf("ingest of %s raced with another; re-checking", parsed.reference());
            out = QuarkusTransaction.requiringNew().call(() -> store(parsed, text, sha, hints, actor));
        }
        if (out.created()) {
            stored.fire(new org.declass.cable.CableStored(out.cableId()));
        }
        return out;
    }

    @Inject
    jakarta.enterprise.event.Event<org.declass.cable.CableStored> stored;

    /**
     * Imports every .txt entry of a zip, each cable in its own transaction; a failure is reported for its file
     * and never stops the others. A zip bomb or an unreadable zip is refused before anything is stored.
     */
    public BulkReport importZip(Path zip, String actor) {
        return importZip(zip, actor, null);
    }

    /**
     * As {@link #importZip(Path, String)}, through the fast path ({@link BulkImporter}: parallel parsing, batched
     * inserts), reporting progress to the given bar when there is one.
     */
    public BulkReport importZip(Path zip, String actor, Progress progress) {
        List<BulkReport.Item> items = java.util.Collections.synchronizedList(new ArrayList<>());
        String roles = identityRoles();
        bulkImporter.run(new ImportSource.ZipSource(zip, BulkImport.MAX_ENTRIES),
                new BulkImporter.Options(actor, roles, progress, items::add, 0));
        BulkReport report = BulkReport.of(items);
        Log.infof("bulk import by %s: %d files, %d created, %d duplicates, %d failed", actor, report.files(),
                report.created(), report.duplicates(), report.failed());
        return report;
    }

    /** Parses without storing; rejects text with no cable structure. */
    public ParsedCable parse(String text, ParseHints hints) {
        ParseResult result = parser.parse(text, hints == null ? ParseHints.NONE : hints);
        if (result instanceof ParseResult.Rejected rejected) {
            throw new IngestRejected(422, "not a cable: " + rejected.message());
        }
        ParsedCable parsed = ((ParseResult.Parsed) result).cable();
        refuseMixedIdentity(parsed);
        return parsed;
    }

    /**
     * A file whose routing header belongs to one cable and whose text to another ({@link IdentityCheck}) is never
     * stored as one cable: it is refused with 422, the message naming both identities, for a person to decide which
     * cable it is. The bulk importer quarantines it with that reason, as every refused file.
     */
    static void refuseMixedIdentity(ParsedCable parsed) {
        for (Finding f : parsed.findings()) {
            if (IdentityCheck.CODE.equals(f.code())) {
                throw new IngestRejected(422, f.message() + "; not stored");
            }
        }
    }

    private IngestOutcome store(ParsedCable parsed, String text, String sha, ParseHints hints, String actor) {
        Optional<Cable> sameText = cables.findBySha256(sha);
        if (sameText.isPresent()) {
            return IngestOutcome.existing(sameText.get());
        }
        String reference = parsed.reference();
        if (reference == null || reference.isBlank()) {
            throw new IngestRejected(422, "could not determine the cable's reference id from its text"
                    + " (class line origin and serial, and a year from the DTG); pass it as ?reference=");
        }
        Optional<Cable> sameReference = cables.findByReference(reference);
        if (sameReference.isPresent()) {
            throw new IngestRejected(409, "reference " + reference + " is already stored with a different text"
                    + " (cable id " + sameReference.get().getId() + "); a cable's stored original never changes");
        }
        PreparedCable prepared = prepare(parsed, sha, text.getBytes(StandardCharsets.UTF_8).length, actor);
        Cable cable = prepared.cable();
        cables.register(cable, text, header(parsed, hints), prepared.markings());
        auditTrail.record(AuditEvent.by(actor, AuditAction.CABLE_INGESTED)
                .cable(cable.getId(), reference)
                .marking(null, cable.getBanner())
                .note(cable.getParagraphCount() + " paragraphs, " + cable.getFindingCount() + " findings, sha256 "
                        + sha));
        Log.infof("ingested %s (%s, %d paragraphs, %d findings) by %s", reference, cable.getBanner(),
                cable.getParagraphCount(), cable.getFindingCount(), actor);
        return IngestOutcome.created(cable);
    }

    /** A cable ready to store: the entity with its parser and rule findings, and the facts the rules read. */
    public record PreparedCable(Cable cable, CableMarkings markings) {
    }

    /**
     * Builds the cable entity for a parsed text and runs the marking rules on it (nothing is stored). Used by the
     * single ingest and by the bulk importer, so that both store the same findings. Thread-safe.
     */
    public PreparedCable prepare(ParsedCable parsed, String sha, int size, String actor) {
        refuseMixedIdentity(parsed);
        CableMarkings markings = MarkingInput.of(parsed, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        Cable cable = toCable(parsed, sha, size, actor);
        for (Finding f : validator.validate(markings)) {
            cable.addFinding(new CableFinding(f));
        }
        return new PreparedCable(cable, markings);
    }

    Cable toCable(ParsedCable p, String sha, int size, String actor) {
        return cableOf(p, sha, size, actor, clock.instant());
    }

    /** The cable entity, paragraphs and findings for a parsed text (not stored). */
    public static Cable cableOf(ParsedCable p, String sha, int size, String actor, java.time.Instant now) {
        boolean cableWideNoforn = p.captions().stream().anyMatch(CABLE_WIDE_FOREIGN_CAPTIONS::contains);
        boolean nofornPortion = hasForeignRestrictedPortion(p);
        Marking overall = carryingNoforn(p.classification(), nofornPortion);
        Cable cable = new Cable(p.reference(), p.origin(), p.serial(), p.date(), overall, cableWideNoforn,
                p.subject(), p.subjectMarking(), p.tags(), p.declassification().kind(), p.declassification().date(),
                sha, size, now, actor);
        cable.scheduleRelease(org.declass.marking.ReleaseDates.fromInstruction(p.declassification(), p.date(),
                p.classification().level() != org.declass.marking.ClassificationLevel.UNCLASSIFIED,
                LocalDate.ofInstant(now, ZoneOffset.UTC)));
        Marking unmarked = p.entireText() != null ? carryingNoforn(p.entireText(), nofornPortion) : overall;
        for (ParsedParagraph pp : p.paragraphs()) {
            Marking effective = pp.marking() != null ? pp.marking() : unmarked;
            cable.addParagraph(new Paragraph(pp.seq(), pp.number(), pp.sub(), pp.heading(), pp.marking(), effective,
                    cableWideNoforn, pp.text(), pp.start(), pp.end()));
        }
        for (Finding f : p.findings()) {
            cable.addFinding(new CableFinding(f));
        }
        return cable;
    }

    /**
     * Whether any portion says it may not go to foreign nationals: a paragraph, the subject or an "ENTIRE TEXT"
     * statement marked NOFORN, EXDIS or NODIS (EXDIS and NODIS are handled as NOFORN, BRIEF 6.2 and 6.4).
     */
    static boolean hasForeignRestrictedPortion(ParsedCable p) {
        if (p.subjectMarking() != null && p.subjectMarking().isForeignRestricted()
                || p.entireText() != null && p.entireText().isForeignRestricted()) {
            return true;
        }
        for (ParsedParagraph pp : p.paragraphs()) {
            if (pp.marking() != null && pp.marking().isForeignRestricted()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The overall marking a cable is stored with, from the marking as written (class line and captions). It is what
     * the disclosure decision, the search index and every SQL filter read for the cable and for its parts without a
     * mark of their own (header lines, an unmarked subject or paragraph): the cable's level and whether it may go to
     * foreign nationals. BRIEF 6.2: a banner carries the controls of its portions, and NOFORN in any portion (EXDIS
     * or NODIS anywhere, handled as NOFORN) puts NOFORN in the banner. So one foreign-restricted portion is enough,
     * not all of them: a cable whose writer forgot the NOFORN caption is still never served to a reader who may not
     * receive NOFORN material as if it were releasable. The written banner stays wrong, and the marking rules, which
     * read the marking as written, still say so (R-CTL-1, and R-CTL-2 for a missing EXDIS or NODIS caption) with
     * their suggested fix, a caption, which restricts every portion. NOFORN is what is carried, not EXDIS or NODIS
     * themselves: it is their effect on access, and every suggested fix's overall marking stays at least this one.
     * The level stays as written; a portion above it is R-LVL-1, for a person to fix.
     */
    static Marking carryingNoforn(Marking written, boolean foreignRestrictedPortion) {
        if (!foreignRestrictedPortion || written.isForeignRestricted()) {
            return written;
        }
        List<String> controls = new ArrayList<>(written.controls());
        controls.add(Marking.NOFORN);
        return Marking.rollUp(List.of(new Marking(written.level(), controls)));
    }

    static CableHeader header(ParsedCable p, ParseHints hints) {
        var d = p.declassification();
        var by = p.classifiedBy();
        return new CableHeader(p.partial(), p.sections(), p.captions(), d.raw(), d.order(), d.exemptions(), d.event(),
                p.referenceTexts(), by == null ? null : by.name(), by == null ? null : by.title(),
                by == null ? null : by.office(), p.reasons(),
                p.entireText() == null ? null : p.entireText().portionMark(),
                p.subjectMarking() == null ? null : p.subjectMarking().portionMark(),
                hints == null ? null : hints.date(),
                p.classifiers().stream().map(c -> new CableHeader.Classifier(c.name(), c.title(), c.office())).toList(),
                p.references().stream().map(r -> new CableHeader.Ref(r.raw(), r.ids())).toList(),
                p.tagKinds().stream().map(Enum::name).toList(), p.signers(), p.recipients(), p.infoRecipients());
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
