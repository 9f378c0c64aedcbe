package org.declass.cable;

/** A reviewer's decision on a whole paragraph: release it (perhaps with redactions) or withhold it in full. */
public enum Disposition {
    RELEASE, WITHHOLD
}
