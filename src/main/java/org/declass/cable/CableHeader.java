package org.declass.cable;

import java.time.LocalDate;
import java.util.List;

/**
 * The header details of a cable that are shown but not filtered on, stored as JSON beside the original text.
 */
public record CableHeader(
        boolean partial,
        int sections,
        List<String> captions,
        String declassRaw,
        String declassOrder,
        List<String> exemptions,
        String declassEvent,
        List<String> references,
        String classifiedByName,
        String classifiedByTitle,
        String classifiedByOffice,
        List<String> reasons,
        String entireText,
        String subjectMark,
        LocalDate dateHint) {
}
