package org.declass.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.declass.ingest.parser.MarkingFacts;
import org.declass.ingest.parser.ParsedCable;
import org.declass.ingest.parser.ParsedParagraph;
import org.declass.marking.CableMarkings;

/** Turns what the parser read into the facts the marking rules check. */
public final class MarkingInput {

    private MarkingInput() {
    }

    /** An unnumbered, unmarked short line with no sentence end, or underlined: a heading, not a paragraph. */
    static boolean isHeading(ParsedParagraph pp) {
        if (pp.number() != null || pp.sub() != null || pp.marking() != null) {
            return false;
        }
        String t = pp.text().strip();
        return t.length() <= 120 && (UNDERLINED.matcher(t).matches() || !t.endsWith("."));
    }

    private static final Pattern UNDERLINED = Pattern.compile("(?s).*[-=_~]{3,}");

    public static CableMarkings of(ParsedCable p, LocalDate asOf) {
        MarkingFacts f = p.facts() == null ? MarkingFacts.NONE : p.facts();
        List<CableMarkings.Portion> portions = new ArrayList<>(p.paragraphs().size());
        for (int i = 0; i < p.paragraphs().size(); i++) {
            ParsedParagraph pp = p.paragraphs().get(i);
            Integer line = i < f.paragraphLines().size() ? f.paragraphLines().get(i) : null;
            portions.add(new CableMarkings.Portion(pp.seq(), pp.number(), line, pp.marking(), isHeading(pp)));
        }
        String section = null;
        Set<String> letters = new LinkedHashSet<>();
        for (String r : p.reasons()) {
            // "1.4(b)" or "1.4" alone
            int paren = r.indexOf('(');
            String s = paren < 0 ? r : r.substring(0, paren);
            if (section == null) {
                section = s.trim();
            }
            if (paren >= 0 && r.endsWith(")")) {
                letters.add(r.substring(paren + 1, r.length() - 1).trim());
            }
        }
        return new CableMarkings(p.date(), asOf, p.reference(), f.classLines(), f.bottomClass(),
                f.transmissionLevel(), f.dtgYear(), f.stationSerial(), p.captions(), p.classification(),
                p.entireText(), p.subjectMarking(), portions, p.declassification(), f.eoLine(), section,
                new ArrayList<>(letters), f.authorityBlock() || p.classifiedBy() != null, f.cabLine());
    }
}
