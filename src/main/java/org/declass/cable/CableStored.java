package org.declass.cable;

/**
 * A CDI event, fired after the transaction that stored a new cable committed: for features that keep something
 * beside each cable (the related cables' fingerprints) and would rather not wait for their interval job.
 */
public record CableStored(long cableId) {
}
