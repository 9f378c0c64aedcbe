package org.declass.marking;

/** How serious a finding is. An unverified rule is at most a WARNING. */
public enum Severity {
    ERROR, WARNING, INFO
}
