package org.declass.ingest.parser;

import org.declass.marking.Marking;

/**
 * One portion of the body.
 *
 * @param seq       1-based position among the cable's paragraphs
 * @param number    the printed paragraph number (1 for "1. (C) ..."), or null for unnumbered blocks
 * @param sub       the letter of a lettered sub-paragraph that carries its own mark ("A" for "A. (S) ..."), else null
 * @param heading   the unmarked heading line(s) directly above this paragraph, joined by a space, or null
 * @param marking   the portion mark written on the paragraph, or null when it has none
 * @param text      the paragraph's text after its number and portion mark, with page-break lines removed
 * @param start     offset of the paragraph's first character (its heading, if any) in the original
 * @param end       offset just past its last character
 */
public record ParsedParagraph(int seq, Integer number, String sub, String heading, Marking marking, String text,
                              int start, int end) {
}
