package org.declass.marking;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The facts about one cable that the marking rules look at, and nothing else: no paragraph text.
 *
 * @param date              the cable date, or null when unknown
 * @param asOf              the day the rules are run on (for "due" triggers)
 * @param reference         the reference id, e.g. 05DUSHANBE1839, or null
 * @param classLines        the top class line first, then the class line of each later section
 * @param bottomClass       the bottom classification line of the trailer, or null
 * @param transmissionLevel the level in the FL4 line ({@code ZNY CCCCC}), or null
 * @param dtgYear           the four-digit year of the transmission DTG, or null
 * @param stationSerial     the station serial of the DE line ({@code #1839}), without leading zeros, or null
 * @param captions          captions as written (SIPDIS, NOFORN, EXDIS, ...)
 * @param banner            the overall marking the cable carries (class line plus captions, or as changed by a reviewer)
 * @param entireText        the marking of an "ENTIRE TEXT" statement, or null
 * @param subjectMarking    the subject's own portion mark, or null
 * @param portions          the body portions in order
 * @param declassification  the E.O. line's instruction
 * @param eoLine            the line of the E.O. instruction, or null
 * @param reasonSection     "1.4" or "1.5" (or a typo such as "1.2") from the Reason, or null
 * @param reasonLetters     reason letters, lower case, as read
 * @param authorityBlock    true when a "Classified By" block is present
 * @param cabLine           the line of the authority block, or null
 */
public record CableMarkings(
        LocalDate date,
        LocalDate asOf,
        String reference,
        List<ClassLine> classLines,
        BottomClass bottomClass,
        ClassificationLevel transmissionLevel,
        Integer dtgYear,
        String stationSerial,
        List<String> captions,
        Marking banner,
        Marking entireText,
        Marking subjectMarking,
        List<Portion> portions,
        Declassification declassification,
        Integer eoLine,
        String reasonSection,
        List<String> reasonLetters,
        boolean authorityBlock,
        Integer cabLine) {

    public CableMarkings {
        Objects.requireNonNull(banner, "banner");
        classLines = classLines == null ? List.of() : List.copyOf(classLines);
        captions = captions == null ? List.of() : List.copyOf(captions);
        portions = portions == null ? List.of() : List.copyOf(portions);
        reasonLetters = reasonLetters == null ? List.of() : List.copyOf(reasonLetters);
        declassification = declassification == null ? Declassification.unknown() : declassification;
    }

    /**
     * One classification line.
     *
     * @param line    1-based line in the original
     * @param section the section number (1 when the cable has no sections)
     * @param level   the level of its class word
     * @param origin  the post as written, or null
     * @param serial  the serial without leading zeros, or null
     */
    public record ClassLine(int line, int section, ClassificationLevel level, String origin, String serial) {
    }

    /** The bottom classification line of the trailer. */
    public record BottomClass(int line, ClassificationLevel level) {
    }

    /**
     * One body portion.
     *
     * @param seq     1-based position among the cable's paragraphs
     * @param number  the printed paragraph number, or null
     * @param line    1-based line where it starts, or null
     * @param marking the mark written on it, or null when unmarked
     * @param heading    true for an unnumbered heading line (cables almost never mark headings: R-PM-2)
     * @param exemptions the exemption codes a reviewer cited on it (its redactions and a "withhold in full"), in
     *                   order, without repeats; empty for a cable as read (R-EXM-1 looks at them)
     */
    public record Portion(int seq, Integer number, Integer line, Marking marking, boolean heading,
                          List<String> exemptions) {

        public Portion {
            exemptions = exemptions == null ? List.of() : List.copyOf(exemptions);
        }

        public Portion(int seq, Integer number, Integer line, Marking marking, boolean heading) {
            this(seq, number, line, marking, heading, List.of());
        }

        public Portion(int seq, Integer number, Integer line, Marking marking) {
            this(seq, number, line, marking, false);
        }
    }

    public boolean isClassified() {
        return banner.isClassified();
    }

    /** A copy with one portion's mark replaced (a reviewer's change). */
    public CableMarkings withPortionMark(int seq, Marking mark) {
        List<Portion> changed = portions.stream()
                .map(p -> p.seq() == seq ? new Portion(p.seq(), p.number(), p.line(), mark, p.heading(), p.exemptions())
                        : p).toList();
        return new CableMarkings(date, asOf, reference, classLines, bottomClass, transmissionLevel, dtgYear,
                stationSerial, captions, banner, entireText, subjectMarking, changed, declassification, eoLine,
                reasonSection, reasonLetters, authorityBlock, cabLine);
    }

    /** A copy with a different overall marking. */
    public CableMarkings withBanner(Marking newBanner) {
        return new CableMarkings(date, asOf, reference, classLines, bottomClass, transmissionLevel, dtgYear,
                stationSerial, captions, newBanner, entireText, subjectMarking, portions, declassification, eoLine,
                reasonSection, reasonLetters, authorityBlock, cabLine);
    }
}
