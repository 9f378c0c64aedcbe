package org.declass.ingest.parser;

import java.util.List;

import org.declass.marking.CableMarkings;
import org.declass.marking.ClassificationLevel;

/**
 * Where the parser found the markings, for the marking validator: lines, per-section class lines and the
 * transmission header's cross-checks.
 *
 * @param classLines        the top class line, then each later section's class line
 * @param bottomClass       the trailer's bottom classification line, or null
 * @param transmissionLevel the FL4 level ({@code ZNY CCCCC}), or null
 * @param dtgYear           the year of the transmission DTG, or null
 * @param stationSerial     the DE line's station serial without leading zeros ({@code #0881} gives 881), or null
 * @param eoLine            the line of the E.O. instruction, or null
 * @param cabLine           the first line of the "Classified By" block, or null
 * @param authorityBlock    true when a "Classified By" block was found
 * @param paragraphLines    the line where each paragraph starts, in paragraph order
 */
public record MarkingFacts(List<CableMarkings.ClassLine> classLines, CableMarkings.BottomClass bottomClass,
                           ClassificationLevel transmissionLevel, Integer dtgYear, String stationSerial,
                           Integer eoLine, Integer cabLine, boolean authorityBlock, List<Integer> paragraphLines) {

    public MarkingFacts {
        classLines = classLines == null ? List.of() : List.copyOf(classLines);
        paragraphLines = paragraphLines == null ? List.of() : List.copyOf(paragraphLines);
    }

    public static final MarkingFacts NONE = new MarkingFacts(List.of(), null, null, null, null, null, null, false,
            List.of());
}
