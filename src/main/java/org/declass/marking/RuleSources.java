package org.declass.marking;

import java.util.List;
import java.util.Map;

/**
 * The public sources each marking rule rests on, as a reader can look them up: the executive orders, the ISOO
 * directive (32 CFR 2001), the Foreign Affairs Manual and Handbook, FOIA. Shown on the findings page and in the
 * findings report of the API instead of the internal rule basis ({@link MarkingRule#source}, which names sections of
 * the project's domain brief). A link is given only where the text is published at a stable public address; the
 * other sources (the CAPCO register, ACP 127) are named so that they can be found.
 */
public final class RuleSources {

    /** One source: what to look up, and where it is published (null when there is no stable public address). */
    public record Citation(String label, String url) {
    }

    static final String EO_13526 = "https://www.archives.gov/isoo/policy-documents/cnsi-eo.html";
    /** E.O. 12958 as amended by E.O. 13292 (68 FR 15315): cited by its Federal Register page, no link. */
    static final String EO_12958_AMENDED = null;
    static final String EO_12958 = "https://fas.org/irp/offdocs/eo12958.htm";
    static final String EO_12356 = "https://fas.org/irp/offdocs/eo12356.htm";
    static final String ISOO_2003 = "https://webarchive.library.unt.edu/eot2008/20080917100635/"
            + "http://www.archives.gov/isoo/training/12958-as-amended-marking-changes.html";
    static final String FAH_1_240 = "https://fam.state.gov/FAM/05FAH01/05FAH010240.html";
    static final String FAH_2_440 = "https://fam.state.gov/FAM/05FAH02/05FAH020440.html";
    static final String FAM_12_540 = "https://fam.state.gov/FAM/12FAM/12FAM0540.html";
    static final String FOIA = "https://www.justice.gov/oip/freedom-information-act-5-usc-552";

    private static Citation cfr(String section) {
        String base = section.replaceAll("\\(.*", "");
        return new Citation("ISOO 32 CFR " + section, "https://www.ecfr.gov/current/title-32/section-" + base);
    }

    private static Citation eo13526(String section) {
        return new Citation("E.O. 13526 " + section, EO_13526);
    }

    private static final Citation CAPCO = new Citation(
            "ODNI, Intelligence Community Classification and Control Markings Register (CAPCO)", null);
    private static final Citation ACP_127 = new Citation("ACP 127, Communication Instructions: Tape Relay Procedures",
            null);
    private static final Citation ISOO_MARKING_CHANGES = new Citation(
            "ISOO, Changes to Classified Document Markings (2003)", ISOO_2003);

    private static final Map<String, List<Citation>> BY_RULE = Map.ofEntries(
            Map.entry("R-LVL-1", List.of(eo13526("§1.6(a)"), cfr("2001.21(b)"))),
            Map.entry("R-LVL-2", List.of(eo13526("§1.6(c)"), cfr("2001.21(c)"),
                    new Citation("5 FAH-1 H-246.2 (paragraph classification of telegrams)", FAH_1_240))),
            Map.entry("R-LVL-3", List.of(cfr("2001.21(b)"), new Citation("5 FAH-1 H-240 (telegram format)",
                    FAH_1_240))),
            Map.entry("R-TX-1", List.of(ACP_127)),
            Map.entry("R-CTL-1", List.of(cfr("2001.24"), CAPCO)),
            Map.entry("R-CTL-2", List.of(new Citation("5 FAH-2 H-442.3 (NODIS), H-442.6 (EXDIS)", FAH_2_440), CAPCO)),
            Map.entry("R-CTL-3", List.of(new Citation("12 FAM 540 (Sensitive but Unclassified)", FAM_12_540),
                    CAPCO)),
            Map.entry("R-SUBJ-1", List.of(cfr("2001.23(b)(4)"), cfr("2001.21(c)"))),
            Map.entry("R-EO-7", List.of(new Citation("E.O. 13526 (75 FR 707, 2010)", EO_13526),
                    new Citation("E.O. 12958 (60 FR 19825, 1995)", EO_12958),
                    new Citation("E.O. 12356 (1982)", EO_12356))),
            Map.entry("R-EO-1", List.of(new Citation("E.O. 12958 §1.5 (60 FR 19825, 1995)", EO_12958),
                    new Citation("E.O. 12958 as amended by E.O. 13292 §1.4 (68 FR 15315, 2003)", EO_12958_AMENDED),
                    ISOO_MARKING_CHANGES)),
            Map.entry("R-EO-6", List.of(new Citation("E.O. 12958 §1.6(d) (60 FR 19825, 1995)", EO_12958),
                    new Citation("E.O. 12356 §1.4 (OADR)", EO_12356), ISOO_MARKING_CHANGES, cfr("2001.22(e)"))),
            Map.entry("R-EO-4", List.of(cfr("2001.21(a)"), eo13526("§1.6(a)"))),
            Map.entry("R-DECL-1", List.of(eo13526("§1.5"), cfr("2001.12"))),
            Map.entry("R-EO-5", List.of(eo13526("§1.5"), new Citation("E.O. 12958 as amended by E.O. 13292 §1.5 (68 FR 15315, 2003)",
                    EO_12958_AMENDED), cfr("2001.12"))),
            Map.entry("R-DECL-2", List.of(eo13526("§1.5, §3.3"), cfr("2001.12"))),
            Map.entry("R-CAB-1", List.of(eo13526("§1.6(a)"), cfr("2001.21(a)"), cfr("2001.22"))),
            Map.entry("R-CAB-2", List.of(eo13526("§1.6(a)"), CAPCO)),
            Map.entry("R-CAT-2", List.of(eo13526("§1.4"), cfr("2001.21(a)(3)"))),
            Map.entry("R-CAT-1", List.of(new Citation("E.O. 12958 §1.5 (60 FR 19825, 1995)", EO_12958))),
            Map.entry("R-ID-1", List.of(ACP_127, new Citation("5 FAH-1 H-240 (telegram format)", FAH_1_240))),
            Map.entry("R-EXM-1", List.of(eo13526("§1.6(c)"), eo13526("§3.3(b)"), cfr("2001.21(c)"),
                    cfr("2001.26(a)"), new Citation("FOIA, 5 U.S.C. 552(b)(1) and (b)(6)", FOIA))));

    private RuleSources() {
    }

    /** The public sources of the rule with this id; empty for a parser finding or an unknown code. */
    public static List<Citation> of(String ruleId) {
        return BY_RULE.getOrDefault(ruleId, List.of());
    }
}
