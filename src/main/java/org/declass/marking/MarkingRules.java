package org.declass.marking;

import static org.declass.marking.Certainty.UNVERIFIED;
import static org.declass.marking.Certainty.VERIFIED;
import static org.declass.marking.Severity.ERROR;
import static org.declass.marking.Severity.INFO;
import static org.declass.marking.Severity.WARNING;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The marking rules, each a named value (BRIEF.md section 9). {@link #all()} lists them in the order of
 * docs/marking-rules.md. Messages name the expected and the found marking and never quote the cable's text.
 */
public final class MarkingRules {

    private MarkingRules() {
    }

    /** E.O. 12958 as first issued took effect (ISOO Directive No. 1, 60 FR 53492). OADR valid on or before it. */
    static final LocalDate EO_12958_EFFECTIVE = LocalDate.of(1995, 10, 14);
    /** ISOO Directive No. 1 for E.O. 12958 as amended took effect (68 FR 55168): 1.4 replaces 1.5, no X-codes. */
    static final LocalDate EO_13292_EFFECTIVE = LocalDate.of(2003, 9, 22);
    /** E.O. 13526 signed. */
    static final LocalDate EO_13526_SIGNED = LocalDate.of(2009, 12, 29);
    /** E.O. 12356 signed. */
    static final LocalDate EO_12356_SIGNED = LocalDate.of(1982, 4, 2);

    private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile("(\\d{2})([A-Z]+?)(\\d+)");

    private static final Set<String> X_CODES = Set.of("X1", "X2", "X3", "X4", "X5", "X6", "X7", "X8");

    // ------------------------------------------------------------------ levels and banner

    /** R-LVL-1: the banner is at least the highest portion (and any "entire text" statement). */
    public static final MarkingRule bannerCoversEveryPortion = new MarkingRule("R-LVL-1",
            "The overall marking is at least the highest portion mark",
            "BRIEF 6.2; 32 CFR 2001.21(b)", VERIFIED, c -> {
                List<Finding> out = new ArrayList<>();
                ClassificationLevel banner = c.banner().level();
                CableMarkings.Portion highest = null;
                boolean allMarked = !c.portions().isEmpty();
                for (CableMarkings.Portion p : c.portions()) {
                    if (p.marking() == null) {
                        allMarked = false;
                        continue;
                    }
                    if (highest == null || p.marking().level().compareTo(highest.marking().level()) > 0) {
                        highest = p;
                    }
                }
                if (highest != null && !banner.covers(highest.marking().level())) {
                    out.add(new Finding("R-LVL-1", ERROR, "the overall marking is " + banner.displayName()
                            + " but " + name(highest) + " is marked " + highest.marking().portionMark()
                            + "; the overall marking must be at least " + highest.marking().level().displayName(),
                            highest.line(), highest.seq(), raiseBanner(c)));
                }
                if (c.entireText() != null && !banner.covers(c.entireText().level())) {
                    out.add(new Finding("R-LVL-1", ERROR, "the overall marking is " + banner.displayName()
                            + " but the \"entire text\" statement says " + c.entireText().level().displayName(),
                            null, null, raiseBanner(c)));
                }
                if (allMarked && c.entireText() == null && highest != null
                        && banner.compareTo(highest.marking().level()) > 0) {
                    out.add(new Finding("R-LVL-1", WARNING, "the overall marking is " + banner.displayName()
                            + " but no paragraph is marked above " + highest.marking().level().displayName()
                            + " (over-classification, unless the cable is a compilation)", null, null));
                }
                return out;
            });

    /** R-LVL-2: a classified cable marks each paragraph, or says "entire text". */
    public static final MarkingRule classifiedParagraphsAreMarked = new MarkingRule("R-LVL-2",
            "Every paragraph of a classified cable has a portion mark, unless an \"entire text\" statement covers it",
            "BRIEF 6.1, 8.9; 5 FAH-1 H-246.2", VERIFIED, c -> {
                if (!c.isClassified() || c.entireText() != null) {
                    return List.of();
                }
                List<Finding> out = new ArrayList<>();
                Marking fallback = new Marking(c.banner().level(), List.of());
                for (CableMarkings.Portion p : c.portions()) {
                    // headings are portions too, but cables almost never mark them (BRIEF 8.9, R-PM-2)
                    if (p.marking() == null && !p.heading()) {
                        out.add(new Finding("R-LVL-2", WARNING, cap(name(p)) + " of a "
                                + c.banner().level().displayName() + " cable has no portion mark",
                                p.line(), p.seq(), new Suggestion(Suggestion.MARK_PARAGRAPH,
                                "Mark " + name(p) + " " + fallback.portionMark()
                                        + " (the cable's level)", fallback.portionMark())));
                    }
                }
                return out;
            });

    /** R-LVL-3 / R-CL-1: every section's class line, and the bottom line, say the same level as the top line. */
    public static final MarkingRule sectionClassLinesAgree = new MarkingRule("R-LVL-3",
            "The class line of every section and the bottom class line agree with the top class line",
            "BRIEF 7.2, 8.9, rule R-LVL-3 / R-CL-1", VERIFIED, c -> {
                if (c.classLines().isEmpty()) {
                    return List.of();
                }
                CableMarkings.ClassLine top = c.classLines().get(0);
                List<Finding> out = new ArrayList<>();
                for (CableMarkings.ClassLine l : c.classLines().subList(1, c.classLines().size())) {
                    if (l.level() != top.level()) {
                        out.add(Finding.atLine("R-LVL-3", ERROR, "the class line of section " + l.section() + " says "
                                + l.level().displayName() + " but the first section says "
                                + top.level().displayName(), l.line()));
                    }
                }
                if (c.bottomClass() != null && c.bottomClass().level() != top.level()) {
                    out.add(Finding.atLine("R-LVL-3", ERROR, "the bottom class line says "
                            + c.bottomClass().level().displayName() + " but the top class line says "
                            + top.level().displayName(), c.bottomClass().line()));
                }
                return out;
            });

    /** R-TX-1: the transmission header's FL4 level agrees with the class line. */
    public static final MarkingRule transmissionLevelMatchesClassLine = new MarkingRule("R-TX-1",
            "The level in the transmission header (ZNY CCCCC) agrees with the class line",
            "BRIEF 7.2 (ACP-127 FL4)", VERIFIED, c -> {
                if (c.transmissionLevel() == null || c.classLines().isEmpty()
                        || c.transmissionLevel() == c.classLines().get(0).level()) {
                    return List.of();
                }
                return List.of(Finding.atLine("R-TX-1", ERROR, "the transmission header says "
                        + c.transmissionLevel().displayName() + " but the class line says "
                        + c.classLines().get(0).level().displayName(), c.classLines().get(0).line()));
            });

    // ------------------------------------------------------------------ controls

    /** R-CTL-1: a NOFORN portion needs NOFORN in the overall marking (a NOFORN caption). */
    public static final MarkingRule nofornCaptionMatchesPortions = new MarkingRule("R-CTL-1",
            "A NOFORN portion requires NOFORN in the overall marking",
            "BRIEF 6.2, 8.3; CAPCO v5.1 NOFORN; EC-23", VERIFIED, c -> {
                if (c.banner().isForeignRestricted()) {
                    return List.of();
                }
                for (CableMarkings.Portion p : c.portions()) {
                    if (p.marking() != null && p.marking().controls().contains(Marking.NOFORN)) {
                        Marking target = withControl(c.banner(), Marking.NOFORN);
                        return List.of(new Finding("R-CTL-1", ERROR, cap(name(p)) + " is marked "
                                + p.marking().portionMark() + " but the overall marking " + c.banner().banner()
                                + " has no NOFORN (no NOFORN caption)", p.line(), p.seq(),
                                new Suggestion(Suggestion.ADD_NOFORN_CAPTION, "Add NOFORN: make the overall marking "
                                        + target.banner(), target.portionMark())));
                    }
                }
                if (c.subjectMarking() != null && c.subjectMarking().controls().contains(Marking.NOFORN)) {
                    Marking target = withControl(c.banner(), Marking.NOFORN);
                    return List.of(new Finding("R-CTL-1", ERROR, "the subject is marked "
                            + c.subjectMarking().portionMark() + " but the overall marking " + c.banner().banner()
                            + " has no NOFORN (no NOFORN caption)", null, null,
                            new Suggestion(Suggestion.ADD_NOFORN_CAPTION, "Add NOFORN: make the overall marking "
                                    + target.banner(), target.portionMark())));
                }
                return List.of();
            });

    /** R-CTL-2: EXDIS/NODIS portions need the caption; NODIS and EXDIS never in one portion; no REL TO with them. */
    public static final MarkingRule exdisAndNodisAreCarriedAndExclusive = new MarkingRule("R-CTL-2",
            "EXDIS or NODIS in a portion requires it in the overall marking; NODIS beats EXDIS; no REL TO beside them",
            "BRIEF 6.2, 6.4; CAPCO v5.1 EXDIS, NODIS", VERIFIED, c -> {
                List<Finding> out = new ArrayList<>();
                Marking rolled = Marking.rollUp(portionMarks(c));
                for (CableMarkings.Portion p : c.portions()) {
                    Marking m = p.marking();
                    if (m != null && m.controls().contains(Marking.EXDIS) && m.controls().contains(Marking.NODIS)) {
                        out.add(new Finding("R-CTL-2", ERROR, cap(name(p)) + " is marked "
                                + m.portionMark() + ": EXDIS and NODIS cannot be combined in one portion",
                                p.line(), p.seq()));
                    }
                }
                List<String> banner = c.banner().controls();
                if (rolled.controls().contains(Marking.NODIS) && !banner.contains(Marking.NODIS)) {
                    out.add(new Finding("R-CTL-2", ERROR, "a paragraph is marked NODIS but the overall marking "
                            + c.banner().banner() + " has no NODIS caption", null, null,
                            raiseBanner(c)));
                } else if (rolled.controls().contains(Marking.EXDIS) && !banner.contains(Marking.EXDIS)
                        && !banner.contains(Marking.NODIS)) {
                    out.add(new Finding("R-CTL-2", ERROR, "a paragraph is marked EXDIS but the overall marking "
                            + c.banner().banner() + " has no EXDIS caption", null, null, raiseBanner(c)));
                }
                if (banner.contains(Marking.NODIS) && banner.contains(Marking.EXDIS)) {
                    out.add(new Finding("R-CTL-2", ERROR, "the overall marking " + c.banner().banner()
                            + " carries both NODIS and EXDIS; NODIS takes priority and EXDIS must go", null, null));
                }
                if (c.banner().isForeignRestricted() && banner.stream().anyMatch(s -> s.startsWith("REL TO"))) {
                    out.add(new Finding("R-CTL-2", ERROR, "the overall marking " + c.banner().banner()
                            + " combines NOFORN/EXDIS/NODIS with REL TO", null, null));
                }
                return out;
            });

    /** R-CTL-3: SBU only in the banner of an unclassified cable; SBU replaces FOUO. */
    public static final MarkingRule sbuOnlyInUnclassifiedBanner = new MarkingRule("R-CTL-3",
            "SBU is not in the overall marking of a classified cable, and replaces FOUO",
            "BRIEF 6.2; CAPCO v5.1 SBU, SBU NOFORN", VERIFIED, c -> {
                List<String> ctl = c.banner().controls();
                if (c.isClassified() && ctl.contains(Marking.SBU)) {
                    return List.of(new Finding("R-CTL-3", WARNING, "the overall marking " + c.banner().banner()
                            + " is classified and still carries SBU; SBU is dropped once anything is classified",
                            null, null));
                }
                if (ctl.contains(Marking.SBU) && ctl.contains(Marking.FOUO)) {
                    return List.of(new Finding("R-CTL-3", WARNING, "the overall marking " + c.banner().banner()
                            + " carries both SBU and FOUO; SBU replaces FOUO", null, null));
                }
                return List.of();
            });

    /** R-SUBJ-1: a marked subject is no higher than the banner. */
    public static final MarkingRule subjectWithinBanner = new MarkingRule("R-SUBJ-1",
            "A subject's portion mark is not above the overall marking",
            "BRIEF 8.6; 32 CFR 2001.23(b)(4)", VERIFIED, c -> {
                Marking s = c.subjectMarking();
                if (s == null || c.banner().level().covers(s.level())) {
                    return List.of();
                }
                return List.of(new Finding("R-SUBJ-1", ERROR, "the subject is marked " + s.portionMark()
                        + " but the overall marking is only " + c.banner().level().displayName(), null, null,
                        raiseBanner(c)));
            });

    // ------------------------------------------------------------------ E.O. line

    /** R-EO-7: the order cited matches the cable's date. */
    public static final MarkingRule orderMatchesDate = new MarkingRule("R-EO-7",
            "The executive order cited was in force on the cable's date",
            "BRIEF 1 (timeline), rule R-EO-7", VERIFIED, c -> {
                String order = c.declassification().order();
                LocalDate d = c.date();
                if (order == null || d == null) {
                    return List.of();
                }
                String problem = switch (order) {
                    case "12356" -> d.isAfter(EO_12958_EFFECTIVE) ? "E.O. 12356 was replaced by E.O. 12958 on "
                            + EO_12958_EFFECTIVE : d.isBefore(EO_12356_SIGNED) ? "E.O. 12356 was signed on "
                            + EO_12356_SIGNED : null;
                    case "12958" -> d.isBefore(EO_12958_EFFECTIVE) ? "E.O. 12958 took effect on "
                            + EO_12958_EFFECTIVE : null;
                    case "13526" -> d.isBefore(EO_13526_SIGNED) ? "E.O. 13526 was signed on " + EO_13526_SIGNED
                            : null;
                    case "12065" -> d.isAfter(LocalDate.of(1982, 8, 1)) || d.isBefore(LocalDate.of(1978, 6, 28))
                            ? "E.O. 12065 was in force from 1978 to 1982" : null;
                    case "11652" -> d.isAfter(LocalDate.of(1978, 12, 1)) || d.isBefore(LocalDate.of(1972, 3, 8))
                            ? "E.O. 11652 was in force from 1972 to 1978" : null;
                    default -> null;
                };
                return problem == null ? List.of() : List.of(Finding.atLine("R-EO-7", WARNING,
                        "the cable is dated " + d + " and cites E.O. " + order + "; " + problem, c.eoLine()));
            });

    /** R-EO-1: reason section 1.5 for 1995-10-14 to 2003-09-21, 1.4 from 2003-09-22. */
    public static final MarkingRule reasonSectionMatchesDate = new MarkingRule("R-EO-1",
            "The reason cites section 1.5 for cables dated 1995-10-14 to 2003-09-21, and 1.4 from 2003-09-22",
            "BRIEF 1; ISOO 2003 marking changes; CAPCO v1.2 legacy table", VERIFIED, c -> {
                String s = c.reasonSection();
                LocalDate d = c.date();
                if (s == null || d == null || d.isBefore(EO_12958_EFFECTIVE)) {
                    return List.of();
                }
                String expected = d.isBefore(EO_13292_EFFECTIVE) ? "1.5" : "1.4";
                if (s.equals(expected)) {
                    return List.of();
                }
                return List.of(Finding.atLine("R-EO-1", WARNING, "the reason cites section " + s
                        + " but a cable dated " + d + " should cite " + expected, c.cabLine()));
            });

    /** R-EO-6 (X-codes): X1-X8 belong to E.O. 12958 as first issued, 1995-10-14 to 2003-09-21. */
    public static final MarkingRule xCodesOnlyBefore2003 = new MarkingRule("R-EO-6",
            "X1-X8 exemptions only on cables dated before 2003-09-22",
            "BRIEF 1, 4; CAPCO v1.2 legacy table; ISOO 2003", VERIFIED, c -> {
                LocalDate d = c.date();
                if (d == null) {
                    return List.of();
                }
                for (String e : c.declassification().exemptions()) {
                    String code = e.replaceFirst("^1\\.6\\s*", "");
                    if (!X_CODES.contains(code)) {
                        continue;
                    }
                    if (!d.isBefore(EO_13292_EFFECTIVE)) {
                        return List.of(Finding.atLine("R-EO-6", ERROR, "the DECL instruction uses " + code
                                + " but X-codes were abolished for documents dated from " + EO_13292_EFFECTIVE
                                + "; the cable is dated " + d, c.eoLine()));
                    }
                    if (d.isBefore(EO_12958_EFFECTIVE)) {
                        return List.of(Finding.atLine("R-EO-6", WARNING, "the DECL instruction uses " + code
                                + " but X-codes came with E.O. 12958 on " + EO_12958_EFFECTIVE
                                + "; the cable is dated " + d, c.eoLine()));
                    }
                }
                return List.of();
            });

    /** R-EO-6 (OADR): OADR only on cables dated on or before 1995-10-14. */
    public static final MarkingRule oadrOnlyBefore1995 = new MarkingRule("R-EO-6",
            "OADR only on cables dated on or before 1995-10-14",
            "BRIEF 1; CAPCO v1.2 legacy table", VERIFIED, c -> {
                LocalDate d = c.date();
                if (d == null || c.declassification().kind() != DeclassificationKind.OADR
                        || !d.isAfter(EO_12958_EFFECTIVE)) {
                    return List.of();
                }
                return List.of(Finding.atLine("R-EO-6", ERROR, "the DECL instruction is OADR, valid only on cables"
                        + " dated on or before " + EO_12958_EFFECTIVE + "; the cable is dated " + d, c.eoLine()));
            });

    /** R-EO-4: N/A only on unclassified cables; an unclassified cable has no DECL date. */
    public static final MarkingRule notApplicableOnlyWhenUnclassified = new MarkingRule("R-EO-4",
            "\"E.O. ...: N/A\" only on unclassified cables, and a DECL date only on classified ones",
            "BRIEF 8.4, rule R-EO-4", VERIFIED, c -> {
                DeclassificationKind k = c.declassification().kind();
                if (c.isClassified() && k == DeclassificationKind.NOT_APPLICABLE) {
                    return List.of(Finding.atLine("R-EO-4", ERROR, "the cable is "
                            + c.banner().level().displayName() + " but its E.O. line says N/A instead of a"
                            + " declassification instruction", c.eoLine()));
                }
                if (!c.isClassified() && k == DeclassificationKind.DATE && instructionDate(c) != null) {
                    return List.of(Finding.atLine("R-EO-4", WARNING, "the cable is unclassified but its E.O. line"
                            + " gives a DECL date; N/A was expected", c.eoLine()));
                }
                return List.of();
            });

    /** R-DECL-1: the DECL date is after the cable date. */
    public static final MarkingRule declDateAfterCableDate = new MarkingRule("R-DECL-1",
            "The DECL date is after the cable date",
            "BRIEF 4, rule R-DECL-1", VERIFIED, c -> {
                LocalDate decl = instructionDate(c);
                if (decl == null || c.date() == null || decl.isAfter(c.date())) {
                    return List.of();
                }
                return List.of(Finding.atLine("R-DECL-1", ERROR, "the DECL date " + decl
                        + " is not after the cable date " + c.date(), c.eoLine()));
            });

    /** R-EO-5: the DECL date is at most 25 years after the cable date, unless an exemption is cited. */
    public static final MarkingRule declDateWithinMaximum = new MarkingRule("R-EO-5",
            "The DECL date is at most 25 years after the cable date, unless an exemption code is given",
            "BRIEF 4 (E.O. 12958 as amended, E.O. 13526 1.5; ISOO 2003)", VERIFIED, c -> {
                LocalDate decl = instructionDate(c);
                LocalDate d = c.date();
                if (decl == null || d == null || !decl.isAfter(d.plusYears(25))) {
                    return List.of();
                }
                boolean exempt = c.declassification().exemptions().stream()
                        .anyMatch(e -> e.matches("(25|50|75)X.*"));
                if (exempt) {
                    return List.of();
                }
                return List.of(Finding.atLine("R-EO-5", ERROR, "the DECL date " + decl + " is more than 25 years"
                        + " after the cable date " + d + " (latest " + d.plusYears(25) + ") and no exemption is cited",
                        c.eoLine()));
            });

    /** R-DECL-2: information only: the DECL date has passed, so the cable is due for declassification. */
    public static final MarkingRule declassificationDue = new MarkingRule("R-DECL-2",
            "The DECL date has passed: the cable is due for declassification review",
            "BRIEF 4, rule R-DECL-2 (info)", VERIFIED, c -> {
                LocalDate decl = instructionDate(c);
                if (decl == null || c.asOf() == null || !c.isClassified() || c.asOf().isBefore(decl)) {
                    return List.of();
                }
                return List.of(Finding.atLine("R-DECL-2", INFO, "the DECL date " + decl
                        + " has passed: due for declassification", c.eoLine()));
            });

    // ------------------------------------------------------------------ authority block and reasons

    /** R-CAB-1: a classified cable has a Classified By block with a reason. */
    public static final MarkingRule classifiedCableHasAuthorityBlock = new MarkingRule("R-CAB-1",
            "A classified cable has a \"Classified By\" block, with a Reason",
            "BRIEF 6.3, 8.8; 32 CFR 2001.21(a)", VERIFIED, c -> {
                if (!c.isClassified()) {
                    return List.of();
                }
                if (!c.authorityBlock()) {
                    // cables carry the block from E.O. 12958 on (BRIEF 8.8); for older or undated ones the basis
                    // is unverified, so only a warning
                    boolean modern = c.date() != null && !c.date().isBefore(EO_12958_EFFECTIVE);
                    return List.of(Finding.atLine("R-CAB-1", modern ? ERROR : WARNING, "the cable is "
                            + c.banner().level().displayName() + " but has no \"Classified By\" block"
                            + (modern ? "" : " (cables dated before " + EO_12958_EFFECTIVE
                            + " did not always carry one)"), null));
                }
                if (c.reasonSection() == null && c.reasonLetters().isEmpty()) {
                    // a derivative classification carries no reason (2001.22(d)), so this is only a warning
                    return List.of(Finding.atLine("R-CAB-1", WARNING, "the \"Classified By\" block gives no"
                            + " reason (expected for an original classification)", c.cabLine()));
                }
                return List.of();
            });

    /** R-CAB-2: an unclassified cable carries no authority block. */
    public static final MarkingRule unclassifiedCableHasNoAuthorityBlock = new MarkingRule("R-CAB-2",
            "An unclassified cable has no \"Classified By\" block",
            "BRIEF 6.3; CAPCO v5.1", VERIFIED, c -> {
                if (c.isClassified() || !c.authorityBlock()) {
                    return List.of();
                }
                return List.of(Finding.atLine("R-CAB-2", WARNING, "the cable is unclassified but has a"
                        + " \"Classified By\" block", c.cabLine()));
            });

    /** R-CAT-2 / R-CAB-3: reason letters are a to h. */
    public static final MarkingRule reasonLettersAreKnown = new MarkingRule("R-CAT-2",
            "Reason letters are (a) to (h)",
            "BRIEF 3; E.O. 13526 1.4 (32 CFR 2001.21(a)(3))", VERIFIED, c -> {
                for (String l : c.reasonLetters()) {
                    if (l.length() != 1 || l.toLowerCase(Locale.ROOT).charAt(0) < 'a'
                            || l.toLowerCase(Locale.ROOT).charAt(0) > 'h') {
                        return List.of(Finding.atLine("R-CAT-2", ERROR, "the reason cites (" + l
                                + "); only (a) to (h) exist", c.cabLine()));
                    }
                }
                return List.of();
            });

    /** R-CAT-1: section 1.5 of E.O. 12958 (1995) had no (h). The basis is unverified, so at most a warning. */
    public static final MarkingRule noLetterHUnderSection15 = new MarkingRule("R-CAT-1",
            "Reason letter (h) does not exist under section 1.5 (E.O. 12958 as first issued)",
            "BRIEF 3 (the 1995 column is [M])", UNVERIFIED, c -> {
                if ("1.5".equals(c.reasonSection()) && c.reasonLetters().stream().anyMatch("h"::equalsIgnoreCase)) {
                    return List.of(Finding.atLine("R-CAT-1", ERROR, "the reason cites 1.5 (h); section 1.5 had"
                            + " only (a) to (g)", c.cabLine()));
                }
                return List.of();
            });

    // ------------------------------------------------------------------ exemptions cited by the review

    /**
     * The codes that exist only for classified information: exemptions from automatic declassification (25X1-25X9,
     * 50X1-HUM, 50X2-WMD, 50X1-50X9, 75X), the exemptions of E.O. 12958 as first issued (X1-X8, also written 1.6X1),
     * classification reasons (1.4(c), 1.5 (d), 1.4c) and FOIA exemption (b)(1) ("properly classified").
     */
    private static final java.util.regex.Pattern CLASSIFIED_ONLY = java.util.regex.Pattern.compile(
            "(?i)(25X[1-9].*|50X[1-9].*|75X.*|(1\\.6\\s*)?X[1-8]|1\\.[45]\\s*\\(?[a-h]\\)?.*|\\(b\\)\\s*\\(1\\).*)");

    /** Whether an exemption code may be cited only for classified information (see R-EXM-1). */
    public static boolean isClassifiedInformationExemption(String code) {
        return code != null && CLASSIFIED_ONLY.matcher(code.trim()).matches();
    }

    /**
     * R-EXM-1: a classified-information exemption is cited only on a classified portion. A portion marked (U), (SBU)
     * or (LOU), or an unmarked portion of an unclassified cable, holds no classified information (CFR 2001.21(c)),
     * so nothing in it can be exempt from declassification (E.O. 13526 §3.3, CFR 2001.26) or classified for a
     * reason of §1.4; withholding it needs an exemption for unclassified information, such as FOIA (b)(6).
     */
    public static final MarkingRule classifiedExemptionOnlyOnClassifiedPortion = new MarkingRule("R-EXM-1",
            "An exemption for classified information (25X, 50X, 75X, X1-X8, a 1.4 reason, FOIA (b)(1)) is cited"
                    + " only on a classified portion",
            "E.O. 13526 §1.6(c), §3.3(b); 32 CFR 2001.21(c), 2001.26(a)", VERIFIED, c -> {
                List<Finding> out = new ArrayList<>();
                for (CableMarkings.Portion p : c.portions()) {
                    List<String> wrong = p.exemptions().stream()
                            .filter(MarkingRules::isClassifiedInformationExemption).toList();
                    if (wrong.isEmpty()) {
                        continue;
                    }
                    Marking level = p.marking() != null ? p.marking()
                            : c.entireText() != null ? c.entireText() : c.banner();
                    if (level.isClassified()) {
                        continue;
                    }
                    String as = p.marking() != null ? "is marked " + p.marking().portionMark()
                            : "is unmarked in an unclassified cable";
                    out.add(new Finding("R-EXM-1", ERROR, cap(name(p)) + " " + as + " but the review cites "
                            + String.join(", ", wrong) + ", an exemption for classified information only;"
                            + " cite an exemption for unclassified information (such as (b)(6)), or re-mark the"
                            + " paragraph if it is in fact classified", p.line(), p.seq()));
                }
                return out;
            });

    // ------------------------------------------------------------------ reference id

    /** R-ID-1 (with R-TX-2, R-TX-3): the reference id agrees with the class line, the DE serial and the DTG year. */
    public static final MarkingRule referenceMatchesClassLine = new MarkingRule("R-ID-1",
            "The reference id agrees with the class line's origin and serial, the cable year, the DTG year and"
                    + " the station serial",
            "BRIEF 7.2, 8.10", VERIFIED, c -> {
                String ref = c.reference();
                if (ref == null || c.classLines().isEmpty()) {
                    return List.of();
                }
                java.util.regex.Matcher m = REFERENCE.matcher(ref);
                if (!m.matches()) {
                    return List.of(Finding.atLine("R-ID-1", WARNING, "the reference id " + ref
                            + " is not of the form year, post, serial", null));
                }
                List<Finding> out = new ArrayList<>();
                CableMarkings.ClassLine top = c.classLines().get(0);
                String refYear = m.group(1);
                String refOrigin = m.group(2);
                String refSerial = m.group(3);
                if (top.origin() != null && !top.origin().matches("X{3,}.*")) {
                    String origin = top.origin().replace(" ", "").toUpperCase(Locale.ROOT);
                    if (!origin.equals(refOrigin)) {
                        out.add(Finding.atLine("R-ID-1", WARNING, "the reference id says post " + refOrigin
                                + " but the class line says " + origin, top.line()));
                    }
                }
                if (top.serial() != null && !top.serial().equals(refSerial)) {
                    out.add(Finding.atLine("R-ID-1", WARNING, "the reference id says serial " + refSerial
                            + " but the class line says " + top.serial(), top.line()));
                }
                if (c.date() != null && !String.format(Locale.ROOT, "%02d", c.date().getYear() % 100)
                        .equals(refYear)) {
                    out.add(Finding.atLine("R-ID-1", WARNING, "the reference id says year " + refYear
                            + " but the cable is dated " + c.date(), null));
                }
                if (c.dtgYear() != null && !String.format(Locale.ROOT, "%02d", c.dtgYear() % 100).equals(refYear)) {
                    out.add(Finding.atLine("R-ID-1", WARNING, "the reference id says year " + refYear
                            + " but the transmission DTG says " + c.dtgYear() + " (R-TX-2)", null));
                }
                if (c.stationSerial() != null) {
                    long id = Long.parseLong(refSerial) % 10000;
                    if (Long.parseLong(c.stationSerial()) % 10000 != id) {
                        out.add(Finding.atLine("R-ID-1", WARNING, "the reference id says serial " + refSerial
                                + " but the DE line's station serial is " + c.stationSerial() + " (R-TX-3)", null));
                    }
                }
                return out;
            });

    /** Every rule, in the order of docs/marking-rules.md. */
    public static List<MarkingRule> all() {
        return List.of(bannerCoversEveryPortion, classifiedParagraphsAreMarked, sectionClassLinesAgree,
                transmissionLevelMatchesClassLine, nofornCaptionMatchesPortions, exdisAndNodisAreCarriedAndExclusive,
                sbuOnlyInUnclassifiedBanner, subjectWithinBanner, orderMatchesDate, reasonSectionMatchesDate,
                xCodesOnlyBefore2003, oadrOnlyBefore1995, notApplicableOnlyWhenUnclassified, declDateAfterCableDate,
                declDateWithinMaximum, declassificationDue, classifiedCableHasAuthorityBlock,
                unclassifiedCableHasNoAuthorityBlock, reasonLettersAreKnown, noLetterHUnderSection15,
                classifiedExemptionOnlyOnClassifiedPortion, referenceMatchesClassLine);
    }

    /** The rule with this id (the first, for R-EO-6, which has two), or null. */
    public static MarkingRule byId(String id) {
        return all().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    // ------------------------------------------------------------------ helpers

    /** "paragraph 14" by its printed number, else "portion 3" by its position. */
    static String name(CableMarkings.Portion p) {
        return p.number() != null ? "paragraph " + p.number() : "portion " + p.seq();
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * The DECL date of the instruction; null when there is none, or when the E.O. line holds a declassification
     * stamp ("DECLASSIFIED BY NARA 09/02/2009", "AS AMENDED; DECLASSIFIED JUNE 21, 2006": EC-10), whose date is
     * when the cable was declassified, not an instruction.
     */
    static LocalDate instructionDate(CableMarkings c) {
        Declassification d = c.declassification();
        if (d.date() == null || d.raw() != null && d.raw().toUpperCase(Locale.ROOT).contains("DECLASSIFIED")) {
            return null;
        }
        return d.date();
    }

    private static List<Marking> portionMarks(CableMarkings c) {
        List<Marking> marks = new ArrayList<>();
        for (CableMarkings.Portion p : c.portions()) {
            if (p.marking() != null) {
                marks.add(p.marking());
            }
        }
        return marks;
    }

    /** The banner raised to cover every portion, the subject and any entire-text statement. */
    static Suggestion raiseBanner(CableMarkings c) {
        List<Marking> all = portionMarks(c);
        all.add(c.banner());
        if (c.entireText() != null) {
            all.add(c.entireText());
        }
        if (c.subjectMarking() != null) {
            all.add(c.subjectMarking());
        }
        Marking target = Marking.rollUp(all);
        return new Suggestion(Suggestion.RAISE_BANNER, "Raise the overall marking to " + target.banner(),
                target.portionMark());
    }

    private static Marking withControl(Marking m, String control) {
        List<String> controls = new ArrayList<>(m.controls());
        controls.add(control);
        return Marking.rollUp(List.of(new Marking(m.level(), controls)));
    }
}
