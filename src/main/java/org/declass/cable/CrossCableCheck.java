package org.declass.cable;

import java.util.List;

import org.declass.marking.Finding;

/**
 * Findings that compare a cable with the rest of the collection (X-CONSIST-1: what this cable withholds or redacts
 * stands released, or approved for release, in another cable). The {@code related} feature implements it; the
 * findings of a cable are recomputed with it after every review change and again at approval.
 */
public interface CrossCableCheck {

    List<Finding> check(Cable cable);
}
