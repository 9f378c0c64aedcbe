package org.declass.cable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.declass.audit.AuditAction;
import org.declass.audit.AuditEvent;
import org.declass.audit.AuditTrail;
import org.declass.cable.CableView.ClassifiedByView;
import org.declass.cable.CableView.DeclassificationView;
import org.declass.cable.CableView.MarkingView;
import org.declass.cable.CableView.ParagraphView;
import org.declass.marking.CableMarkings;
import org.declass.marking.ClassificationLevel;
import org.declass.marking.Marking;
import org.declass.security.Disclosure;
import org.declass.security.NotCleared;
import org.declass.security.Reader;

/** Storing received cables and reading them back through the access policy. */
@ApplicationScoped
public class CableService {

    @Inject
    CableRepository cables;

    @Inject
    EntityManager em;

    @Inject
    Disclosure policy;

    @Inject
    ObjectMapper json;

    @Inject
    AuditTrail auditTrail;

    @Inject
    java.time.Clock clock;

    /** Stores a new cable with its paragraphs, findings, original text and header details. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Cable register(Cable cable, String original, CableHeader header) {
        return register(cable, original, header, null);
    }

    /** Stores a new cable with the marking facts its findings were computed from, for later recomputation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Cable register(Cable cable, String original, CableHeader header, CableMarkings markings) {
        cables.persist(cable);
        CableText text = new CableText(cable.getId(), original, toJson(header));
        if (markings != null) {
            text.setMarkingJson(toJson(markings));
        }
        em.persist(text);
        List<CableTerms.Term> terms = CableTerms.of(cable);
        for (CableTerms.Term t : terms) {
            em.persist(new CableTerm(cable.getId(), cable.getDate(), t));
        }
        // the audit chain first, then the word counts (the order the bulk importer takes them in; see SearchIndex)
        auditTrail.lockHead();
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            SearchIndex.addFrequencies(c, List.of(terms));
            org.declass.search.SearchChanges.changed(c, CableSearchSource.INDEX, List.of(cable.getId()));
        });
        return cable;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Cable> findByReference(String reference) {
        return cables.findByReference(reference);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Cable> findBySha256(String sha256) {
        return cables.findBySha256(sha256);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Cable get(long id) {
        return cables.findByIdOptional(id).orElseThrow(() -> new CableNotFound("with id " + id));
    }

    @Inject
    CableSearch search;

    /** The ids of at most {@code limit} cables that the search {@code q} selects for this reader, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> searchIds(String q, Reader reader, int limit) {
        return search.ids(q, reader, limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CablePage list(CableQuery query, Reader reader) {
        if (query.q() != null) {
            // words in any portion the reader may read: the full-text index (see CableSearch)
            return search.page(query, reader, c -> summary(c, reader));
        }
        List<Cable> rows = cables.page(query, reader);
        CableRepository.Total total = rows.size() < query.size() && (query.page() == 0 || !rows.isEmpty())
                ? new CableRepository.Total((long) query.page() * query.size() + rows.size(), false)
                : cables.count(query, reader);
        List<CableSummary> items = new ArrayList<>(rows.size());
        for (Cable c : rows) {
            items.add(summary(c, reader));
        }
        return new CablePage(items, total.value(), total.capped(), query.page(), query.size());
    }

    /** A list row: the subject and the tags through the disclosure decision on their marking. */
    private CableSummary summary(Cable c, Reader reader) {
        // (a raised tags marking stays within the cable's: see ReviewService)
        org.declass.security.Classification subject = org.declass.security.Classification.of(c.getSubjectLevel(),
                c.isSubjectForeignRestricted());
        boolean subjectReadable = policy.mayRead(reader, subject);
        boolean tagsReadable = policy.mayRead(reader, c.getLevel(), c.isForeignRestricted());
        return CableSummary.of(c, subjectReadable, tagsReadable, policy.placeholder(subject));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> origins() {
        return cables.origins();
    }

    /** The original text, byte for byte; only for a reader cleared for the whole cable. Audited when classified. */
    @Transactional
    public String original(long id, Reader reader) {
        Cable cable = get(id);
        if (!mayReadWhole(cable, reader)) {
            throw new NotCleared("your clearance does not cover the whole of cable " + cable.getReference()
                    + " (" + cable.getBanner() + ")");
        }
        if (cable.getLevel() != ClassificationLevel.UNCLASSIFIED) {
            auditTrail.record(AuditEvent.by(reader.username(), reader.roles(), AuditAction.ORIGINAL_READ)
                    .cable(cable.getId(), cable.getReference()).note("original text, all portions"));
        }
        return text(cable).getOriginal();
    }

    public boolean mayReadWhole(Cable cable, Reader reader) {
        return mayReadWhole(cable, reader, null);
    }

    /** Whether the reader may read every paragraph, every header portion and the cable's own marking. */
    public boolean mayReadWhole(Cable cable, Reader reader, HeaderPortions portions) {
        if (!policy.mayRead(reader, cable.getLevel(), cable.isForeignRestricted())) {
            return false;
        }
        HeaderPortions h = portions != null ? portions : headerPortions(cable);
        if (!policy.mayReadAll(reader, h.classifications())) {
            return false;
        }
        for (Paragraph p : cable.getParagraphs()) {
            if (!policy.mayRead(reader, p.getEffectiveLevel(), p.isForeignRestricted())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The cable as this reader may see it: every paragraph and header portion through the disclosure decision.
     * Offsets, and the original's size and SHA-256, only for a reader who may read the whole cable. Audited
     * (PORTIONS_READ) when classified paragraph text is returned.
     */
    @Transactional
    public CableView view(long id, Reader reader) {
        Cable cable = get(id);
        CableHeader header = header(text(cable));
        HeaderPortions portions = headerPortions(cable, header);
        boolean headerReadable = policy.mayRead(reader, cable.getLevel(), cable.isForeignRestricted());
        boolean whole = mayReadWhole(cable, reader, portions);
        boolean reviewKnown = policy.mayKnowReview(reader);
        boolean subjectReadable = policy.mayRead(reader, portions.classification(HeaderPart.SUBJECT));
        boolean refReadable = policy.mayRead(reader, portions.classification(HeaderPart.REF));
        boolean byReadable = policy.mayRead(reader, portions.classification(HeaderPart.CLASSIFIED_BY));
        boolean tagsReadable = policy.mayRead(reader, portions.classification(HeaderPart.TAGS));
        List<ParagraphView> paragraphs = new ArrayList<>();
        int withheld = 0;
        List<Integer> classifiedRead = new ArrayList<>();
        java.util.Map<Integer, Paragraph> readable = new java.util.HashMap<>();
        for (Paragraph p : cable.getParagraphs()) {
            MarkingView mark = MarkingView.of(p.getMark());
            MarkingView effective = MarkingView.of(effectiveMarking(p));
            if (policy.mayRead(reader, p.getEffectiveLevel(), p.isForeignRestricted())) {
                if (p.getEffectiveLevel() != ClassificationLevel.UNCLASSIFIED) {
                    classifiedRead.add(p.getSeq());
                }
                readable.put(p.getSeq(), p);
                // offsets in the original tell the length of every portion between them: only for the whole cable
                paragraphs.add(new ParagraphView(p.getSeq(), p.getNumber(), p.getSub(), p.getHeading(), mark,
                        effective, false, null, p.getText(), whole ? p.getStartOffset() : null,
                        whole ? p.getEndOffset() : null));
            } else {
                withheld++;
                paragraphs.add(new ParagraphView(p.getSeq(), p.getNumber(), p.getSub(), null, mark, effective, true,
                        policy.placeholder(org.declass.security.Classification.of(p.getEffectiveLevel(),
                                p.isForeignRestricted())), null, null, null));
            }
        }
        if (!classifiedRead.isEmpty()) {
            auditTrail.record(AuditEvent.by(reader.username(), reader.roles(), AuditAction.PORTIONS_READ)
                    .cable(cable.getId(), cable.getReference())
                    .note("portions " + classifiedRead.stream().map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining(","))));
        }
        List<CableView.HeaderPortionView> headerViews = new ArrayList<>();
        for (HeaderPart part : portions.present()) {
            org.declass.security.Classification c = portions.classification(part);
            boolean may = policy.mayRead(reader, c);
            Marking own = portions.ownMark(part);
            Disposition d = portions.disposition(part);
            headerViews.add(new CableView.HeaderPortionView(part.address(), "(" + c.mark() + ")", !may,
                    may ? null : policy.placeholder(c), may ? portions.lines(part) : List.of(),
                    may && d != null ? d.name() : null, may ? portions.codes(part) : List.of(),
                    may ? portions.note(part) : null));
        }
        Marking subjectMark = portions.ownMark(HeaderPart.SUBJECT);
        return new CableView(
                cable.getId(), cable.getReference(), cable.getOrigin(), cable.getSerial(), cable.getDate(),
                MarkingView.of(cable.getClassification()), cable.getBanner(), header.partial(), header.sections(),
                header.captions(),
                new DeclassificationView(header.declassRaw(), cable.getDeclassKind().name(), header.declassOrder(),
                        cable.getDeclassDate(), header.exemptions(), header.declassEvent()),
                tagsReadable ? cable.getTags() : List.of(),
                tagsReadable ? tagKinds(cable.getTags(), header.tagKinds()) : List.of(),
                subjectReadable ? cable.getSubject() : null,
                MarkingView.of(subjectMark),
                !subjectReadable,
                refReadable ? references(header.refList(), reader) : List.of(),
                byReadable ? header.classifierList().stream()
                        .map(c -> new ClassifiedByView(c.name(), c.title(), c.office())).toList() : List.of(),
                byReadable ? header.reasons() : List.of(),
                header.entireText() == null ? null
                        : MarkingView.of(Marking.parsePortion(header.entireText()).orElse(null)),
                paragraphs,
                cable.getFindings().stream().map(CableFinding::toFinding).toList(),
                cable.getState().name(), cable.getVersion(),
                whole, withheld,
                whole ? Integer.valueOf(cable.getSizeBytes()) : null, whole ? cable.getSha256() : null,
                cable.getIngestedAt(), cable.getIngestedBy(),
                reviewKnown ? cable.getAssignee() : null, workflow(cable, headerReadable, reviewKnown),
                dispositions(cable, readable),
                reviewKnown ? redactions(cable, readable, portions, reader) : List.of(),
                release(cable, headerReadable, reviewKnown), headerViews,
                proposals(cable, readable),
                headerReadable ? CableHeader.orEmpty(header.signers()) : List.of(),
                headerReadable ? CableHeader.orEmpty(header.recipients()) : List.of(),
                headerReadable ? CableHeader.orEmpty(header.infoRecipients()) : List.of());
    }

    /** The kind of each tag; empty for a header stored before tag kinds were read. */
    private static List<String> tagKinds(List<String> tags, List<String> kinds) {
        return kinds != null && kinds.size() == tags.size() ? kinds : List.of();
    }

    /**
     * The REF items with the stored cable each names: the link goes only to a reader cleared for that cable's own
     * marking, so that neither its existence nor its number reaches anyone else.
     */
    private List<CableView.ReferenceView> references(List<CableHeader.Ref> refs, Reader reader) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        for (CableHeader.Ref r : refs) {
            ids.addAll(CableHeader.orEmpty(r.ids()));
        }
        java.util.Map<String, Long> stored = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            for (Cable c : cables.findByReferences(ids)) {
                if (policy.mayRead(reader, c.getLevel(), c.isForeignRestricted())) {
                    stored.put(c.getReference(), c.getId());
                }
            }
        }
        List<CableView.ReferenceView> out = new ArrayList<>(refs.size());
        for (CableHeader.Ref r : refs) {
            List<String> rIds = CableHeader.orEmpty(r.ids());
            String first = rIds.isEmpty() ? null : rIds.get(0);
            out.add(new CableView.ReferenceView(r.raw(), first, first == null ? null : stored.get(first), rIds));
        }
        return out;
    }

    /** Pending lowered markings of the paragraphs the reader may read. */
    private static List<CableView.ProposalView> proposals(Cable c, java.util.Map<Integer, Paragraph> readable) {
        return c.getParagraphs().stream().filter(p -> p.getProposal() != null && readable.containsKey(p.getSeq()))
                .map(p -> new CableView.ProposalView(p.getSeq(), p.getAddress(), MarkingView.of(p.getProposal().mark()),
                        p.getProposal().by())).toList();
    }

    private CableView.ReleaseView release(Cable c, boolean headerReadable, boolean reviewKnown) {
        org.declass.marking.ReleaseDate r = c.getRelease();
        if (r == null) {
            return null;
        }
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        boolean event = c.getReleaseRuleBasis() == org.declass.marking.ReleaseBasis.EVENT_PENDING;
        return new CableView.ReleaseView(r.date(), r.basis().name(), r.basis().label(),
                headerReadable ? r.derivation() : null, r.isDueOn(today), event, c.getEventOccurredOn(),
                reviewKnown ? c.getEventRecordedBy() : null);
    }

    /** Who approved only for a reader who may know the review ({@code Disclosure.mayKnowReview}). */
    private static CableView.WorkflowView workflow(Cable c, boolean headerReadable, boolean reviewKnown) {
        return new CableView.WorkflowView(c.getState().allowedActions(), reviewKnown ? c.getApprovedBy() : null,
                reviewKnown ? c.getApprovedAt() : null,
                headerReadable ? c.getReturnedReason() : null, c.getHoldCode(),
                headerReadable ? c.getHoldReason() : null, c.getHoldUntil(),
                c.getHeldFrom() == null ? null : c.getHeldFrom().name());
    }

    private static List<CableView.DispositionView> dispositions(Cable c, java.util.Map<Integer, Paragraph> readable) {
        List<CableView.DispositionView> out = new ArrayList<>();
        for (Paragraph p : c.getParagraphs()) {
            if (p.getDisposition() != null && readable.containsKey(p.getSeq())) {
                out.add(new CableView.DispositionView(p.getSeq(), p.getAddress(), p.getDisposition().name(),
                        p.getDispositionCodes(), p.getDispositionNote()));
            }
        }
        return out;
    }

    /** Offsets of a portion the reader may not read would reveal its length: those are left out. */
    private List<CableView.RedactionView> redactions(Cable c, java.util.Map<Integer, Paragraph> readable,
                                                     HeaderPortions portions, Reader reader) {
        List<CableView.RedactionView> out = new ArrayList<>();
        for (Redaction r : c.getRedactions()) {
            if (r.getPortion() != null) {
                HeaderPart part = HeaderPart.byAddress(r.getPortion()).orElse(null);
                if (part != null && policy.mayRead(reader, portions.classification(part))) {
                    out.add(new CableView.RedactionView(r.getId(), 0, part.address(), r.getStart(), r.getEnd(),
                            r.getCodes(), r.getNote(), r.getCreatedBy(), r.getCreatedAt()));
                }
                continue;
            }
            Paragraph p = readable.get(r.getParagraphSeq());
            if (p != null) {
                out.add(new CableView.RedactionView(r.getId(), r.getParagraphSeq(), p.getAddress(), r.getStart(),
                        r.getEnd(), r.getCodes(), r.getNote(), r.getCreatedBy(), r.getCreatedAt()));
            }
        }
        return out;
    }

    private static Marking effectiveMarking(Paragraph p) {
        Marking mark = p.getMark();
        List<String> controls = new ArrayList<>(mark == null ? List.of() : mark.controls());
        if (p.isForeignRestricted() && !mark(p).isForeignRestricted()) {
            controls.add(Marking.NOFORN);
        }
        return new Marking(p.getEffectiveLevel(), controls);
    }

    private static Marking mark(Paragraph p) {
        return p.getMark() == null ? new Marking(ClassificationLevel.UNCLASSIFIED, List.of()) : p.getMark();
    }

    /** The header details read from the cable's text at ingest (captions, E.O. line, references, CAB). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CableHeader header(Cable cable) {
        return header(text(cable));
    }

    /** The header portions of a cable: texts, markings and the review's decisions on them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public HeaderPortions headerPortions(Cable cable) {
        return headerPortions(cable, header(cable));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public HeaderPortions headerPortions(Cable cable, CableHeader header) {
        if (cable.getId() == null) {
            return HeaderPortions.of(cable, header, List.of());
        }
        return HeaderPortions.of(cable, header, em.createQuery("select h from HeaderPortion h where h.cableId = :id",
                HeaderPortion.class).setParameter("id", cable.getId()).getResultList());
    }

    /** The review's decisions on the header portions of several cables, in one query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Map<Long, List<HeaderPortion>> headerPortionRows(List<Long> cableIds) {
        java.util.Map<Long, List<HeaderPortion>> out = new java.util.HashMap<>();
        if (cableIds.isEmpty()) {
            return out;
        }
        for (int from = 0; from < cableIds.size(); from += 1000) {
            for (HeaderPortion h : em.createQuery("select h from HeaderPortion h where h.cableId in :ids",
                    HeaderPortion.class).setParameter("ids", cableIds.subList(from, Math.min(cableIds.size(),
                    from + 1000))).getResultList()) {
                out.computeIfAbsent(h.getCableId(), k -> new ArrayList<>()).add(h);
            }
        }
        return out;
    }

    /**
     * Rewrites a cable's word rows when the markings they carry changed (the subject's, or the cable's, which the
     * tags carry). Takes the audit chain lock before the word counts, the order ingest takes them in, so it may be
     * called before or after the change's audit entry is recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reindexIfChanged(Cable cable, List<CableTerms.Term> before) {
        searchChanged(cable);
        List<CableTerms.Term> after = CableTerms.of(cable);
        if (!after.equals(before)) {
            // the audit chain first, then the word counts: the order every writer takes them in (see register)
            auditTrail.lockHead();
            em.flush();
            em.unwrap(org.hibernate.Session.class)
                    .doWork(c -> SearchIndex.replace(c, cable.getId(), cable.getDate(), before, after));
        }
    }

    /**
     * Tells the full-text index that what readers may match in this cable changed (a portion re-marked, a proposal
     * approved, the cable's marking raised): every instance reindexes it from the committed state.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void searchChanged(Cable cable) {
        em.flush();
        em.unwrap(org.hibernate.Session.class).doWork(c -> org.declass.search.SearchChanges.changed(c,
                CableSearchSource.INDEX, List.of(cable.getId())));
    }

    /** The header details of several cables, read in one query (without their original text). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Map<Long, CableHeader> headers(java.util.List<Long> cableIds) {
        java.util.Map<Long, CableHeader> out = new java.util.HashMap<>();
        if (cableIds.isEmpty()) {
            return out;
        }
        for (Object[] row : em.createQuery("select t.cableId, t.headerJson from CableText t where t.cableId in :ids",
                Object[].class).setParameter("ids", cableIds).getResultList()) {
            out.put((Long) row[0], header((Long) row[0], (String) row[1]));
        }
        return out;
    }

    private CableText text(Cable cable) {
        CableText text = em.find(CableText.class, cable.getId());
        if (text == null) {
            throw new IllegalStateException("cable " + cable.getId() + " has no stored text");
        }
        return text;
    }

    private CableHeader header(CableText text) {
        return header(text.getCableId(), text.getHeaderJson());
    }

    private CableHeader header(long cableId, String headerJson) {
        try {
            return json.readValue(headerJson, CableHeader.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable header details for cable " + cableId, e);
        }
    }

    private String toJson(Object header) {
        try {
            return json.writeValueAsString(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise header details", e);
        }
    }
}
