package org.declass.release;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.declass.audit.AuditAction;
import org.declass.audit.AuditEvent;
import org.declass.audit.AuditTrail;
import org.apache.commons.codec.digest.DigestUtils;
import org.declass.cable.Cable;
import org.declass.cable.CableHeader;
import org.declass.cable.CableService;
import org.declass.cable.DocumentBuilder;
import org.declass.cable.HeaderPortion;
import org.declass.cable.HeaderPortions;
import org.declass.cable.WorkflowState;
import org.declass.marking.ClassificationLevel;
import org.declass.redaction.Audience;
import org.declass.redaction.CableDocument;
import org.declass.redaction.PlainTextRenderer;
import org.declass.review.ExemptionCode;
import org.declass.review.NotPermitted;
import org.declass.security.Disclosure;
import org.declass.security.NotCleared;
import org.declass.security.Reader;
import org.declass.security.Roles;

/**
 * The one rendering pipeline: every output of a cable's text (pages, API views, text, PDF, JSON, the reading room,
 * released versions) gets its {@link CableDocument} from here. It decides who may ask for which audience, builds
 * the document through {@link DocumentBuilder} and the access policy, audits classified reads, and freezes the
 * public document at release.
 */
@ApplicationScoped
public class CableRendering {

    @Inject
    CableService cables;

    @Inject
    Disclosure policy;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    ObjectMapper json;

    @Inject
    ReleaseIndex releaseIndex;

    /** The audience a reader gets when they do not name one: reviewers and approvers see proposals. */
    public static Audience defaultAudience(Reader reader) {
        return reader.hasAnyRole(Roles.REVIEWER, Roles.APPROVER, Roles.ADMIN) ? Audience.REVIEWER : Audience.CLEARED;
    }

    /**
     * A cable for a signed-in reader. Public: the released version when released, else the approver's preview,
     * which only a reader cleared for the whole cable may see (it is still classified). Reviewer: reviewers,
     * approvers and administrators. Cleared: anyone signed in. Audited when classified text is returned.
     *
     * @param audience null for the reader's own
     * @param purpose  what the output is, for the audit note ("html", "pdf", ...)
     */
    @Transactional
    public CableDocument render(long id, Audience audience, Reader reader, String purpose) {
        if (reader == null || reader.anonymous()) {
            throw new NotPermitted("sign in to read unreleased cables");
        }
        Audience wanted = audience == null ? defaultAudience(reader) : audience;
        Cable cable = cables.get(id);
        if (wanted == Audience.PUBLIC) {
            Optional<ReleasedVersion> released = latestRelease(cable.getId());
            if (cable.getState() == WorkflowState.RELEASED && released.isPresent()) {
                return document(released.get());
            }
            if (!cables.mayReadWhole(cable, reader)) {
                throw new NotCleared("the public preview of cable " + cable.getReference()
                        + " is still classified until release, and your clearance does not cover the whole cable");
            }
            CableHeader header = cables.header(cable);
            CableDocument doc = DocumentBuilder.publicPreview(cable, header, cables.headerPortions(cable, header),
                    policy, this::meaning);
            auditRead(cable, reader, doc, "public preview (" + purpose + ")");
            return doc;
        }
        if (wanted == Audience.REVIEWER && !reader.hasAnyRole(Roles.REVIEWER, Roles.APPROVER, Roles.ADMIN)) {
            throw new NotPermitted("the reviewer view needs the REVIEWER, APPROVER or ADMIN role");
        }
        CableDocument doc = build(cable, wanted, reader, null);
        auditRead(cable, reader, doc, wanted.parameter() + " view (" + purpose + ")");
        return doc;
    }

    /** The public document of a cable released now, with the declassification marking. No state change here. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReleasedVersion freeze(Cable cable, String releasedBy, String authority, Instant at) {
        Integer last = em.createQuery("select max(v.versionNo) from ReleasedVersion v where v.cableId = :id",
                Integer.class).setParameter("id", cable.getId()).getSingleResult();
        CableHeader header = cables.header(cable);
        ReleasedVersion v = newVersion(cable, header, cables.headerPortions(cable, header), releasedBy, authority, at,
                last == null ? 1 : last + 1);
        em.persist(v);
        releaseIndex.index(v);
        return v;
    }

    /**
     * The public documents of several cables released now, each numbered after its last version (one query for
     * all), not stored: the release sweep writes them in one batch ({@link ReleasedVersionRows}) and indexes them
     * ({@link ReleaseIndex#indexAll}). Same document as {@link #freeze}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ReleasedVersion> prepareVersions(List<Cable> batch, String releasedBy,
                                                 Function<Cable, String> authority, Instant at) {
        if (batch.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> last = new HashMap<>();
        em.createQuery("select v.cableId, max(v.versionNo) from ReleasedVersion v where v.cableId in :ids"
                        + " group by v.cableId", Object[].class)
                .setParameter("ids", batch.stream().map(Cable::getId).toList()).getResultList()
                .forEach(row -> last.put((Long) row[0], (Integer) row[1]));
        Map<Long, CableHeader> headers = cables.headers(batch.stream().map(Cable::getId).toList());
        Map<Long, List<HeaderPortion>> decisions = cables.headerPortionRows(batch.stream().map(Cable::getId)
                .toList());
        List<ReleasedVersion> out = new ArrayList<>(batch.size());
        for (Cable cable : batch) {
            CableHeader header = headers.get(cable.getId());
            if (header == null) {
                throw new IllegalStateException("cable " + cable.getId() + " has no stored text");
            }
            HeaderPortions portions = HeaderPortions.of(cable, header, decisions.get(cable.getId()));
            out.add(newVersion(cable, header, portions, releasedBy, authority.apply(cable), at,
                    last.getOrDefault(cable.getId(), 0) + 1));
        }
        return out;
    }

    /**
     * The frozen public version: its document, text, and the listing's subject and tags, all as released (a
     * withheld or redacted subject is its placeholder there too, a withheld tag is left out), never the stored text.
     */
    private ReleasedVersion newVersion(Cable cable, CableHeader header, HeaderPortions portions, String releasedBy,
                                       String authority, Instant at, int versionNo) {
        if (cable.getApprovedBy() == null) {
            throw new IllegalStateException("cable " + cable.getReference() + " has no approver to release it");
        }
        LocalDate on = LocalDate.ofInstant(at, ZoneOffset.UTC);
        CableDocument doc = DocumentBuilder.build(cable, header, portions, Audience.PUBLIC, null, policy,
                this::meaning, new CableDocument.Stamp(authority, cable.getApprovedBy() + " (release approver)", on));
        String documentJson = toJson(doc);
        String text = PlainTextRenderer.render(doc);
        return new ReleasedVersion(cable.getId(), versionNo, cable.getReference(), cable.getOrigin(), cable.getDate(),
                portions.releasedTags(), releasedSubject(doc), doc.banner(), at, releasedBy, cable.getApprovedBy(),
                authority, documentJson, text, DigestUtils.sha256Hex(documentJson.getBytes(StandardCharsets.UTF_8)));
    }

    /** The SUBJECT line of the public document, placeholders and all; null when the cable has none. */
    static String releasedSubject(CableDocument doc) {
        for (CableDocument.HeaderLine h : doc.header()) {
            if ("SUBJECT".equals(h.label())) {
                StringBuilder sb = new StringBuilder();
                h.pieces().forEach(p -> sb.append(p.text()));
                return sb.toString();
            }
        }
        return null;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReleasedVersion> latestRelease(long cableId) {
        return em.createQuery("select v from ReleasedVersion v where v.cableId = :id order by v.versionNo desc",
                        ReleasedVersion.class).setParameter("id", cableId).setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** The frozen public document of a released version. */
    public CableDocument document(ReleasedVersion v) {
        try {
            return json.readValue(v.getDocumentJson(), CableDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable released version " + v.getId() + " of cable "
                    + v.getReference(), e);
        }
    }

    private CableDocument build(Cable cable, Audience audience, Reader reader, CableDocument.Stamp stamp) {
        CableHeader header = cables.header(cable);
        return DocumentBuilder.build(cable, header, cables.headerPortions(cable, header), audience, reader, policy,
                this::meaning, stamp);
    }

    private String meaning(String code) {
        ExemptionCode e = em.find(ExemptionCode.class, code);
        return e == null ? null : e.getDescription();
    }

    private void auditRead(Cable cable, Reader reader, CableDocument doc, String note) {
        if (cable.getLevel() == ClassificationLevel.UNCLASSIFIED) {
            return;
        }
        String portions = doc.body().stream().filter(b -> b.pieces().stream().anyMatch(p -> !p.hidden()))
                .map(CableDocument.Block::address).collect(Collectors.joining(","));
        if (portions.isEmpty()) {
            return;
        }
        audit.record(AuditEvent.by(reader.username(), reader.roles(), AuditAction.PORTIONS_READ)
                .cable(cable.getId(), cable.getReference()).note(note + ": portions " + portions));
    }

    private String toJson(CableDocument doc) {
        try {
            return json.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the document of cable " + doc.reference(), e);
        }
    }
}
