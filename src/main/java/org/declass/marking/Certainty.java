package org.declass.marking;

/** How well the basis of a rule is established, as tagged in the domain brief. */
public enum Certainty {
    /** [V] verified in a cited public source. */
    VERIFIED,
    /** [R] reported by a secondary source. */
    REPORTED,
    /** [M] unverified: a rule resting on it reports at most a WARNING. */
    UNVERIFIED;

    /** The highest severity a rule with this certainty may report. */
    public Severity maxSeverity() {
        return this == VERIFIED ? Severity.ERROR : Severity.WARNING;
    }
}
