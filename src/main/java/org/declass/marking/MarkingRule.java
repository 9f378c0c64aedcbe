package org.declass.marking;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One named marking rule: an id from the rule table (BRIEF.md section 9), a title in plain words, where the rule
 * comes from, how certain that basis is, and the check itself. Findings never exceed what the certainty allows.
 *
 * @param id        rule id, e.g. R-LVL-1; the code of every finding it returns
 * @param title     the rule in plain words
 * @param source    where it comes from: BRIEF section, CFR, CAPCO
 * @param certainty the certainty of its basis; UNVERIFIED caps findings at WARNING
 * @param check     the check; returns findings (empty when the cable passes)
 */
public record MarkingRule(String id, String title, String source, Certainty certainty,
                          Function<CableMarkings, List<Finding>> check) {

    public MarkingRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(certainty, "certainty");
        Objects.requireNonNull(check, "check");
    }

    /** Runs the check; every finding carries this rule's id and is capped at the certainty's severity. */
    public List<Finding> check(CableMarkings cable) {
        List<Finding> found = check.apply(cable);
        if (found.isEmpty()) {
            return found;
        }
        Severity cap = certainty.maxSeverity();
        return found.stream().map(f -> f.code().equals(id) ? f.cappedAt(cap)
                : new Finding(id, f.severity(), f.message(), f.line(), f.paragraph(), f.suggestion()).cappedAt(cap))
                .toList();
    }
}
