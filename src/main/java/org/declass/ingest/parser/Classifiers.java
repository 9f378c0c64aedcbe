package org.declass.ingest.parser;

import java.util.List;
import java.util.regex.Matcher;

/** Reads the CLASSIFIED BY element: who classified the cable (one or more people) and the reasons. */
final class Classifiers {

    private Classifiers() {
    }

    /**
     * What the element says.
     *
     * @param who     the classifiers in order; empty when none is named
     * @param reasons normalised reasons, e.g. ["1.4(b)", "1.4(d)"]
     */
    record Read(List<ClassifiedBy> who, List<String> reasons) {
    }

    /** Reads the element's text, starting at (or before) its "Classified By" keyword, wrapped lines included. */
    static Read read(String cab) {
        Matcher m = HeaderFields.CAB_START.matcher(cab);
        String after = m.find() ? cab.substring(m.end()) : cab;
        String[] parts = HeaderFields.splitCab(after);
        ClassifiedBy by = HeaderFields.readClassifier(parts[0]);
        List<String> reasons = HeaderFields.readReasons(parts[1] != null ? parts[1] : after);
        List<ClassifiedBy> who = by == null || (by.name() == null && by.title() == null && by.office() == null)
                ? List.of() : List.of(by);
        return new Read(who, reasons);
    }
}
