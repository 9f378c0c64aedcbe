package org.declass.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.declass.bulk.BulkCables.Loaded;
import org.declass.bulk.BulkCables.Portion;
import org.declass.audit.AuditAction;
import org.declass.audit.AuditEvent;
import org.declass.audit.AuditTrail;
import org.declass.cable.Cable;
import org.declass.cable.CableNotFound;
import org.declass.cable.CableService;
import org.declass.review.ExemptionCode;
import org.declass.review.InvalidRequest;
import org.declass.review.NotPermitted;
import org.declass.review.ReviewOutcome;
import org.declass.review.ReviewRequests;
import org.declass.review.ReviewService;
import org.declass.review.StaleVersion;
import org.declass.review.TransitionNotAllowed;
import org.declass.marking.ClassificationLevel;
import org.declass.security.Disclosure;
import org.declass.security.NotCleared;
import org.declass.security.Reader;
import org.declass.security.Roles;

/**
 * Find all and redact (issue 18, part 2): every occurrence of a phrase or a regular expression in the cables named
 * or selected by a search, previewed, then redacted cable by cable through the review aggregate, and undone as a
 * whole.
 * <p>
 * Only portions the reader may read are searched (the one disclosure decision, {@link Disclosure#mayRead}, on each
 * paragraph's and header portion's classification): a portion the reader may not read gives no occurrence, no count
 * and no context, and is never matched at all. Each cable's redactions are one transaction of
 * {@link ReviewService#redactSpans} (state, claimant, version, clearance, audit), with the operation's id in the
 * note; one cable's refusal is that cable's outcome and does not stop the others.
 */
@ApplicationScoped
public class BulkService {

    /** A bulk redaction acts on at most this many cables (named or selected). */
    public static final int MAX_CABLES = 10_000;

    /** A preview lists at most this many occurrences (and counts them all). */
    public static final int MAX_OCCURRENCES = 5_000;

    /** A note's length, within the redaction note's 2,000 characters with the operation's id before it. */
    static final int MAX_NOTE = 1_000;

    /** Characters of context either side of an occurrence. */
    static final int CONTEXT = 40;

    /** The time a regular expression may take over all the cables of one request. */
    static final long REGEX_MILLIS = 3_000;

    @Inject
    AuditTrail auditTrail;

    @Inject
    BulkCables loader;

    @Inject
    CableSelection selection;

    @Inject
    BulkOperations operations;

    @Inject
    ReviewService review;

    @Inject
    CableService cables;

    @Inject
    Disclosure policy;

    /** A checked request: the finder, the cables in order, the known codes. */
    private record Search(OccurrenceFinder finder, List<Long> ids, boolean named, List<String> codes) {
    }

    /** One occurrence in a portion the reader may read. */
    private record Hit(Loaded cable, Portion portion, OccurrenceFinder.Span span, boolean redacted) {
    }

    /** What applying will do for one cable: redact its hits at this version, or an outcome known already. */
    private record Plan(Loaded cable, long version, List<Hit> hits, List<BulkResult.Span> notFound,
                        BulkResult.CableOutcome ready) {

        static Plan known(BulkResult.CableOutcome outcome) {
            return new Plan(null, 0, List.of(), List.of(), outcome);
        }
    }

    /** Every occurrence the reader may see; changes nothing. */
    public BulkPreview preview(BulkRequest body, Reader reader) {
        Search s = check(body, reader, false);
        Map<Long, Loaded> loaded = loader.load(s.ids());
        List<BulkPreview.Occurrence> items = new ArrayList<>();
        List<BulkPreview.CableHits> perCable = new ArrayList<>();
        long total = 0;
        OccurrenceFinder.Budget budget = OccurrenceFinder.Budget.of(REGEX_MILLIS);
        List<AuditEvent> reads = new ArrayList<>();
        for (Loaded c : loaded.values()) {
            List<Hit> hits = find(s.finder(), c, reader, budget);
            total += hits.size();
            if (!hits.isEmpty() || s.named()) {
                perCable.add(new BulkPreview.CableHits(c.id(), c.reference(), c.version(), c.state(), c.claimant(),
                        hits.size()));
            }
            Set<String> classifiedShown = new LinkedHashSet<>();
            for (Hit h : hits) {
                if (items.size() < MAX_OCCURRENCES) {
                    items.add(occurrence(h));
                    if (h.portion().classification().level() != ClassificationLevel.UNCLASSIFIED) {
                        classifiedShown.add(h.portion().address());
                    }
                }
            }
            if (!classifiedShown.isEmpty()) {
                // the preview quotes the text around each occurrence: a read of those classified portions
                reads.add(AuditEvent.by(reader.username(), reader.roles(), AuditAction.PORTIONS_READ)
                        .cable(c.id(), c.reference())
                        .note("find-all preview: portions " + String.join(",", classifiedShown)));
            }
        }
        auditTrail.recordAlone(reads);
        return new BulkPreview(s.finder().isPattern() ? "pattern" : "phrase", loaded.size(), total,
                total > items.size(), perCable, items);
    }

    /**
     * Redacts every occurrence (or the {@code accept}ed ones) cable by cable, and answers per cable what was redacted
     * and what was skipped and why.
     */
    public BulkResult apply(BulkRequest body, Reader reader) {
        Search s = check(body, reader, true);
        Map<Long, Loaded> loaded = loader.load(s.ids());
        Map<String, BulkRequest.Accepted> accepted = accepted(body.accept());
        Map<Long, Long> versions = new HashMap<>();
        if (accepted != null) {
            for (BulkRequest.Accepted a : accepted.values()) {
                if (a.version() != null) {
                    versions.putIfAbsent(a.cable(), a.version());
                }
            }
        }
        // every cable is searched before anything changes: a pattern that runs past its budget is a 400 with
        // nothing redacted, not a 400 halfway through
        OccurrenceFinder.Budget budget = OccurrenceFinder.Budget.of(REGEX_MILLIS);
        List<Plan> plans = new ArrayList<>();
        for (Long id : s.ids()) {
            Loaded c = loaded.get(id);
            if (c == null) {
                if (s.named()) {
                    plans.add(Plan.known(whole(id, null, "skipped", "no-such-cable", "there is no cable with id "
                            + id, null, List.of())));
                }
                continue;
            }
            List<Hit> hits = find(s.finder(), c, reader, budget);
            List<BulkResult.Span> notFound = new ArrayList<>();
            if (accepted != null) {
                Set<String> found = new HashSet<>();
                List<Hit> chosen = new ArrayList<>();
                for (Hit h : hits) {
                    String key = key(c.id(), h.portion().address(), h.span().start(), h.span().end());
                    found.add(key);
                    if (accepted.containsKey(key)) {
                        chosen.add(h);
                    }
                }
                for (Map.Entry<String, BulkRequest.Accepted> e : accepted.entrySet()) {
                    BulkRequest.Accepted a = e.getValue();
                    if (a.cable().equals(id) && !found.contains(e.getKey())) {
                        notFound.add(new BulkResult.Span(a.paragraph().trim(), a.start(), a.end(), null,
                                "not-an-occurrence"));
                    }
                }
                hits = chosen;
            }
            if (hits.isEmpty()) {
                if (s.named() || !notFound.isEmpty()) {
                    plans.add(Plan.known(new BulkResult.CableOutcome(c.id(), c.reference(),
                            notFound.isEmpty() ? "nothing" : "skipped", null,
                            notFound.isEmpty() ? "no occurrence to redact" : null, c.version(), List.of(),
                            notFound)));
                }
                continue;
            }
            plans.add(new Plan(c, versions.getOrDefault(id, c.version()), hits, notFound, null));
        }
        String operation = operations.start(reader, s.codes());
        String note = "bulk " + operation + (blank(body.note()) ? "" : ": " + body.note().trim());
        List<BulkResult.CableOutcome> out = new ArrayList<>();
        for (Plan plan : plans) {
            out.add(plan.ready() != null ? plan.ready()
                    : redact(operation, plan.cable(), plan.version(), plan.hits(), s.codes(), note, plan.notFound(),
                            reader));
        }
        return result(operation, false, out);
    }

    /** Undoes a bulk operation where each cable still allows it; empty when there is no such operation. */
    public Optional<BulkResult> undo(String operation, Reader reader) {
        requireReviewer(reader);
        Optional<String> owner = operation == null || !operation.matches("[0-9a-f-]{36}") ? Optional.empty()
                : operations.owner(operation);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        if (!owner.get().equals(reader.username())) {
            // one reviewer's operation is not undone whole by another: they remove single redactions on the cables
            // they hold, through the review screen, each with its own audit entry
            throw new NotPermitted("only " + owner.get() + ", who ran bulk operation " + operation
                    + ", may undo it as a whole");
        }
        List<BulkResult.CableOutcome> out = new ArrayList<>();
        for (Map.Entry<Long, List<Long>> e : operations.redactions(operation).entrySet()) {
            long id = e.getKey();
            Cable c;
            try {
                c = cables.get(id);
            } catch (CableNotFound gone) {
                out.add(whole(id, null, "skipped", "no-such-cable", "there is no cable with id " + id, null,
                        List.of()));
                continue;
            }
            String reference = c.getReference();
            long version = c.getVersion();
            try {
                ReviewOutcome.Spans done = review.unredactAll(id, version, e.getValue(), "undo of bulk " + operation,
                        reader);
                out.add(outcome(id, reference, done, List.of()));
            } catch (RuntimeException refused) {
                out.add(refusal(id, reference, refused, List.of()));
            }
        }
        return Optional.of(result(operation, true, out));
    }

    // ---------------------------------------------------------------- the parts

    private BulkResult.CableOutcome redact(String operation, Loaded c, long version, List<Hit> hits,
                                           List<String> codes, String note, List<BulkResult.Span> notFound,
                                           Reader reader) {
        List<ReviewRequests.Span> spans = hits.stream()
                .map(h -> new ReviewRequests.Span(h.portion().address(), h.span().start(), h.span().end())).toList();
        try {
            ReviewOutcome.Spans done = operations.redact(operation, c.id(), version, spans, codes, note, reader);
            return outcome(c.id(), c.reference(), done, notFound);
        } catch (RuntimeException refused) {
            List<BulkResult.Span> skipped = new ArrayList<>(notFound);
            BulkResult.CableOutcome r = refusal(c.id(), c.reference(), refused, List.of());
            for (ReviewRequests.Span sp : spans) {
                skipped.add(new BulkResult.Span(sp.paragraph(), sp.start(), sp.end(), null, r.reason()));
            }
            return new BulkResult.CableOutcome(r.cable(), r.reference(), r.outcome(), r.reason(), r.message(),
                    r.version(), List.of(), skipped);
        }
    }

    private static BulkResult.CableOutcome outcome(long id, String reference, ReviewOutcome.Spans done,
                                                   List<BulkResult.Span> notFound) {
        List<BulkResult.Span> ok = done.done().stream()
                .map(d -> new BulkResult.Span(d.paragraph(), d.start(), d.end(), d.redaction(), null)).toList();
        List<BulkResult.Span> skipped = new ArrayList<>(notFound);
        for (ReviewOutcome.Skipped k : done.skipped()) {
            skipped.add(new BulkResult.Span(k.paragraph(), k.start(), k.end(), null, k.reason()));
        }
        String outcome = ok.isEmpty() ? (skipped.isEmpty() ? "nothing" : "skipped")
                : (skipped.isEmpty() ? "done" : "partly");
        return new BulkResult.CableOutcome(id, reference, outcome, null, null, done.cable().version(), ok, skipped);
    }

    /**
     * A refusal of the review aggregate for a whole cable, as a reason: the aggregate's own checks, so that bulk and
     * single redactions are refused alike. Anything else is not a refusal and is thrown on.
     */
    private static BulkResult.CableOutcome refusal(long id, String reference, RuntimeException e,
                                                   List<BulkResult.Span> skipped) {
        String reason;
        if (e instanceof NotCleared) {
            reason = "above-clearance";
        } else if (e instanceof StaleVersion || e instanceof jakarta.persistence.OptimisticLockException
                || e instanceof org.hibernate.StaleStateException) {
            reason = "stale";
        } else if (e instanceof TransitionNotAllowed) {
            reason = "state";
        } else if (e instanceof NotPermitted) {
            reason = "claimed-by-someone-else";
        } else if (e instanceof CableNotFound) {
            reason = "no-such-cable";
        } else if (e instanceof InvalidRequest) {
            reason = "refused";
        } else {
            throw e;
        }
        String message = e instanceof jakarta.persistence.OptimisticLockException
                || e instanceof org.hibernate.StaleStateException
                ? "the cable was changed by someone else meanwhile; nothing was changed" : e.getMessage();
        return whole(id, reference, "skipped", reason, message, null, skipped);
    }

    private static BulkResult.CableOutcome whole(long id, String reference, String outcome, String reason,
                                                 String message, Long version, List<BulkResult.Span> skipped) {
        return new BulkResult.CableOutcome(id, reference, outcome, reason, message, version, List.of(), skipped);
    }

    private static BulkResult result(String operation, boolean undo, List<BulkResult.CableOutcome> out) {
        int done = out.stream().mapToInt(o -> o.done().size()).sum();
        int skipped = out.stream().mapToInt(o -> o.skipped().size()).sum();
        return new BulkResult(operation, undo, done, skipped, out);
    }

    /** The occurrences in the portions of one cable that the reader may read; no other portion is searched. */
    private List<Hit> find(OccurrenceFinder finder, Loaded c, Reader reader, OccurrenceFinder.Budget budget) {
        List<Hit> out = new ArrayList<>();
        for (Portion p : c.portions()) {
            if (!policy.mayRead(reader, p.classification())) {
                continue;
            }
            for (OccurrenceFinder.Span span : finder.in(p.text(), budget)) {
                boolean redacted = c.redacted().stream().anyMatch(r -> r.address().equals(p.address())
                        && r.start() < span.end() && r.end() > span.start());
                out.add(new Hit(c, p, span, redacted));
            }
        }
        return out;
    }

    private static BulkPreview.Occurrence occurrence(Hit h) {
        String text = h.portion().text();
        int start = h.span().start();
        int end = h.span().end();
        return new BulkPreview.Occurrence(h.cable().id(), h.cable().reference(), h.cable().version(),
                h.portion().address(), start, end, text.substring(Math.max(0, start - CONTEXT), start),
                text.substring(start, end), text.substring(end, Math.min(text.length(), end + CONTEXT)),
                h.redacted());
    }

    // ---------------------------------------------------------------- checking the request

    private Search check(BulkRequest body, Reader reader, boolean applying) {
        requireReviewer(reader);
        if (body == null) {
            throw new InvalidRequest("a JSON body is required: {phrase or pattern, cables or q, codes, note,"
                    + " preview}");
        }
        boolean phrase = !blank(body.phrase());
        boolean pattern = body.pattern() != null && !body.pattern().isEmpty();
        if (phrase && pattern) {
            throw new InvalidRequest("give either a phrase (a term or words) or a pattern (a regular expression),"
                    + " not both");
        }
        if (!phrase && !pattern) {
            throw new InvalidRequest("give a phrase (a term or words) or a pattern (a regular expression) to look"
                    + " for");
        }
        OccurrenceFinder finder;
        try {
            finder = phrase ? OccurrenceFinder.phrase(body.phrase()) : OccurrenceFinder.regex(body.pattern());
        } catch (OccurrenceFinder.BadSearch e) {
            throw new InvalidRequest(e.getMessage());
        }
        List<String> codes = codes(body.codes(), applying);
        if (body.note() != null && body.note().length() > MAX_NOTE) {
            throw new InvalidRequest("the note is longer than " + MAX_NOTE + " characters");
        }
        boolean named = body.cables() != null;
        if (named && !blank(body.q())) {
            throw new InvalidRequest("give either cables (ids) or q (a search), not both");
        }
        boolean accepting = applying && body.accept() != null;
        if (accepting) {
            if (body.accept().isEmpty()) {
                throw new InvalidRequest("accept is empty: choose at least one occurrence, or leave accept out to"
                        + " redact them all");
            }
            if (body.accept().size() > MAX_OCCURRENCES) {
                throw new InvalidRequest("too many occurrences in accept: at most "
                        + String.format(Locale.ROOT, "%,d", MAX_OCCURRENCES) + " at once");
            }
            Set<Long> distinct = new LinkedHashSet<>();
            for (int i = 0; i < body.accept().size(); i++) {
                BulkRequest.Accepted a = body.accept().get(i);
                if (a == null || a.cable() == null || blank(a.paragraph()) || a.start() == null || a.end() == null) {
                    throw new InvalidRequest("accept[" + i + "] needs cable, paragraph, start and end (from the"
                            + " preview)");
                }
                distinct.add(a.cable());
            }
            // the accepted occurrences name their cables; cables or q, when sent too, only describe the preview
            return new Search(finder, new ArrayList<>(distinct), true, codes);
        }
        if (!named && blank(body.q())) {
            throw new InvalidRequest("name the cables to look in (cables: ids) or give a search that selects them"
                    + " (q)");
        }
        List<Long> ids;
        if (named) {
            if (body.cables().size() > MAX_CABLES) {
                throw new InvalidRequest("too many cables: at most " + String.format(Locale.ROOT, "%,d", MAX_CABLES)
                        + " at once, " + String.format(Locale.ROOT, "%,d", body.cables().size()) + " sent");
            }
            if (body.cables().isEmpty()) {
                throw new InvalidRequest("cables is empty: name at least one cable id");
            }
            Set<Long> distinct = new LinkedHashSet<>();
            for (Long id : body.cables()) {
                if (id == null) {
                    throw new InvalidRequest("cables must be cable ids (numbers)");
                }
                distinct.add(id);
            }
            ids = new ArrayList<>(distinct);
        } else {
            ids = selection.select(body.q().trim(), MAX_CABLES, reader);
        }
        return new Search(finder, ids, named, codes);
    }

    /** The codes, each one from the exemption code list (case as listed); at least one when applying. */
    private List<String> codes(List<String> requested, boolean required) {
        if (requested == null || requested.stream().allMatch(BulkService::blank)) {
            if (required) {
                throw new InvalidRequest("at least one exemption code is required (codes)");
            }
            return List.of();
        }
        Map<String, String> known = new HashMap<>();
        for (ExemptionCode e : review.exemptionCodes()) {
            known.put(e.getCode(), e.getCode());
            known.putIfAbsent(e.getCode().toUpperCase(Locale.ROOT), e.getCode());
        }
        Set<String> out = new LinkedHashSet<>();
        for (String raw : requested == null ? List.<String>of() : requested) {
            if (blank(raw)) {
                continue;
            }
            String code = known.getOrDefault(raw.trim(), known.get(raw.trim().toUpperCase(Locale.ROOT)));
            if (code == null) {
                throw new InvalidRequest("unknown exemption code " + raw.trim() + "; see GET /api/exemption-codes");
            }
            out.add(code);
        }
        if (required && out.isEmpty()) {
            throw new InvalidRequest("at least one exemption code is required (codes)");
        }
        return List.copyOf(out);
    }

    /** The accepted occurrences by key; null when the request accepts every occurrence. */
    private static Map<String, BulkRequest.Accepted> accepted(List<BulkRequest.Accepted> accept) {
        if (accept == null) {
            return null;
        }
        Map<String, BulkRequest.Accepted> out = new LinkedHashMap<>();
        for (BulkRequest.Accepted a : accept) {
            out.putIfAbsent(key(a.cable(), a.paragraph().trim(), a.start(), a.end()), a);
        }
        return out;
    }

    private static String key(long cable, String address, int start, int end) {
        return cable + ":" + address.toLowerCase(Locale.ROOT) + ":" + start + ":" + end;
    }

    private static void requireReviewer(Reader reader) {
        if (!reader.hasRole(Roles.REVIEWER)) {
            throw new NotPermitted("a bulk redaction needs the " + Roles.REVIEWER + " role");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
