package org.declass.marking;

import java.util.ArrayList;
import java.util.List;

/** Runs every marking rule on a cable. Stateless and thread-safe. */
public final class MarkingValidator {

    private final List<MarkingRule> rules;

    public MarkingValidator() {
        this(MarkingRules.all());
    }

    public MarkingValidator(List<MarkingRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<Finding> validate(CableMarkings cable) {
        List<Finding> all = new ArrayList<>();
        for (MarkingRule rule : rules) {
            all.addAll(rule.check(cable));
        }
        return all;
    }

    /** The ERROR findings of {@code after} that {@code before} does not have (same code, paragraph and message). */
    public List<Finding> newErrors(CableMarkings before, CableMarkings after) {
        List<Finding> old = validate(before);
        List<Finding> created = new ArrayList<>();
        for (Finding f : validate(after)) {
            if (f.severity() == Severity.ERROR && old.stream().noneMatch(o -> same(o, f))) {
                created.add(f);
            }
        }
        return created;
    }

    private static boolean same(Finding a, Finding b) {
        return a.code().equals(b.code()) && a.message().equals(b.message())
                && java.util.Objects.equals(a.paragraph(), b.paragraph());
    }

    public List<MarkingRule> rules() {
        return rules;
    }
}
