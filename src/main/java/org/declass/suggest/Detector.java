package org.declass.suggest;

import java.util.List;

/** Finds spans of one kind in a text. Pure: the same text gives the same detections, in text order. */
public interface Detector {

    List<Detection> find(String text);
}
