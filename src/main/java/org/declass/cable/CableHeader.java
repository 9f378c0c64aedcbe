package org.declass.cable;

import java.time.LocalDate;
import java.util.List;

/**
 * The header details of a cable that are shown but not filtered on, stored as JSON beside the original text.
 * Components added later (issue 16: classifiers, refs, tag kinds, signers, recipients) are null in JSON written
 * before them; read them through the accessors that fall back ({@link #classifierList()}, {@link #refList()}).
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
        LocalDate dateHint,
        List<Classifier> classifiers,
        List<Ref> refs,
        List<String> tagKinds,
        List<String> signers,
        List<String> recipients,
        List<String> infoRecipients) {

    /** One person who classified the cable; any part may be null. */
    public record Classifier(String name, String title, String office) {
    }

    /** A REF item as written and the canonical ids of the cables it names. */
    public record Ref(String raw, List<String> ids) {
    }

    /** The classifiers; for a header stored before issue 16, the one read then. */
    public List<Classifier> classifierList() {
        if (classifiers != null) {
            return classifiers;
        }
        if (classifiedByName == null && classifiedByTitle == null && classifiedByOffice == null) {
            return List.of();
        }
        return List.of(new Classifier(classifiedByName, classifiedByTitle, classifiedByOffice));
    }

    /** The REF items; for a header stored before issue 16, the items as written without ids. */
    public List<Ref> refList() {
        if (refs != null) {
            return refs;
        }
        return references == null ? List.of() : references.stream().map(r -> new Ref(r, List.of())).toList();
    }

    /** A list component that may be null in older JSON, as a list. */
    public static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }
}
