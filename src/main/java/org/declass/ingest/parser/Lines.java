package org.declass.ingest.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a text into pieces: normally one per line, but a page-break run ("PAGE 02 ROME 03067 211833Z") glued to
 * other text on the same line becomes a piece of its own. Pieces are contiguous and cover the whole text.
 */
final class Lines {

    /** One run of characters: [start, cend) is content, [cend, end) the line terminator (possibly empty). */
    static final class Piece {
        final int start;
        final int cend;
        final int end;
        final int line;
        final boolean pageBreak;
        /** first non-blank offset, or cend when blank */
        final int cstart;
        /** the content, once read ({@link #content}); a piece belongs to one parse */
        private String content;

        Piece(String text, int start, int cend, int end, int line, boolean pageBreak) {
            this.start = start;
            this.cend = cend;
            this.end = end;
            this.line = line;
            this.pageBreak = pageBreak;
            int s = start;
            while (s < cend && isWs(text.charAt(s))) {
                s++;
            }
            this.cstart = s;
        }

        boolean blank() {
            return cstart >= cend;
        }

        String content(String text) {
            if (content == null) {
                int e = cend;
                while (e > cstart && isWs(text.charAt(e - 1))) {
                    e--;
                }
                content = text.substring(cstart, e);
            }
            return content;
        }
    }

    static boolean isWs(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\u00a0' || c == '\f' || c == '\u000b';
    }

    /** "BERN 00000881  002 OF 002", "TRIPOLI 00000402 001.2 OF 003". */
    static final Pattern PAGE_LINE = Pattern.compile(
            "[A-Z][A-Z .'\\-]{1,30}?\\s+\\d{8}\\s+\\d{3}(?:\\.\\d{1,2})?\\s+OF\\s+\\d{3}\\s*");
    /** ACP-126 page header "PAGE 02 VATICA 03507 01 OF 04 031719Z", optionally preceded by the class word. */
    static final Pattern PAGE_126 = Pattern.compile(
            "(?:(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\\s+)?PAGE\\s+\\d{2,3}\\s+[A-Z][A-Z .'\\-]{0,20}?"
                    + "\\s+\\d{3,6}\\s+(?:\\d{2}\\s+OF\\s+\\d{2}\\s+)?\\d{6}Z(?:\\s+/\\d+)?\\s*");
    static final Pattern CLASS_WORD_ALONE = Pattern.compile(
            "\\s*(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE)\\s*");

    private Lines() {
    }

    static List<Piece> scan(String text) {
        int n = text.length();
        List<Piece> out = new ArrayList<>(Math.max(16, n / 50));
        int pos = 0;
        int line = 1;
        Matcher pageLine = PAGE_LINE.matcher(text);
        Matcher page126 = PAGE_126.matcher(text);
        int nextPage = text.indexOf("PAGE ");
        while (pos < n) {
            int nl = text.indexOf('\n', pos);
            int cend = nl < 0 ? n : nl;
            int end = nl < 0 ? n : nl + 1;
            int ce = cend;
            if (ce > pos && text.charAt(ce - 1) == '\r') {
                ce--;
            }
            if (nextPage >= 0 && nextPage < pos) {
                nextPage = text.indexOf("PAGE ", pos);
            }
            addLine(text, out, pos, ce, end, line, pageLine, page126, nextPage >= 0 && nextPage < ce);
            pos = end;
            line++;
        }
        // a class word alone on the line before an ACP-126 page header belongs to the page break
        for (int i = 1; i < out.size(); i++) {
            Piece p = out.get(i);
            Piece prev = out.get(i - 1);
            if (p.pageBreak && !prev.pageBreak && prev.line == p.line - 1 && prev.end == p.start
                    && text.startsWith("PAGE", p.cstart)
                    && CLASS_WORD_ALONE.matcher(text).region(prev.start, prev.cend).matches()) {
                out.set(i - 1, new Piece(text, prev.start, prev.cend, prev.end, prev.line, true));
            }
        }
        return out;
    }

    private static void addLine(String text, List<Piece> out, int s, int ce, int end, int line, Matcher pageLine,
                                Matcher page126, boolean hasPage) {
        int cs = s;
        while (cs < ce && isWs(text.charAt(cs))) {
            cs++;
        }
        if (cs < ce) {
            char c = text.charAt(cs);
            if (c >= 'A' && c <= 'Z' && ce - cs < 80 && ce - cs > 20) {
                char last = text.charAt(ce - 1);
                // a page line says "00000881 002 OF 002": without "OF" and eight digits in a row the line is none
                if ((last >= '0' && last <= '9' || last == ' ') && indexOf(text, "OF", cs + 1, ce) >= 0
                        && digitRun(text, cs, ce, 8) && pageLine.region(cs, ce).matches()) {
                    out.add(new Piece(text, s, ce, end, line, true));
                    return;
                }
            }
            if (hasPage) {
                page126.region(cs, ce);
                while (page126.find()) {
                    int ms = page126.start();
                    int me = page126.end();
                    if (ms > cs && !isWs(text.charAt(ms - 1))) {
                        continue;
                    }
                    // extend the start over white space before the match
                    int from = ms;
                    while (from > s && isWs(text.charAt(from - 1))) {
                        from--;
                    }
                    if (from > s) {
                        out.add(new Piece(text, s, from, from, line, false));
                    } else {
                        from = s;
                    }
                    if (me >= ce) {
                        out.add(new Piece(text, from, ce, end, line, true));
                    } else {
                        out.add(new Piece(text, from, me, me, line, true));
                        out.add(new Piece(text, me, ce, end, line, false));
                    }
                    return;
                }
            }
        }
        out.add(new Piece(text, s, ce, end, line, false));
    }

    /** True when [from, to) of the text holds {@code len} ASCII digits in a row. */
    static boolean digitRun(String text, int from, int to, int len) {
        int run = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            run = c >= '0' && c <= '9' ? run + 1 : 0;
            if (run >= len) {
                return true;
            }
        }
        return false;
    }

    static int indexOf(String text, String what, int from, int to) {
        char f = what.charAt(0);
        int last = to - what.length();
        for (int i = from; i <= last; i++) {
            if (text.charAt(i) == f && text.startsWith(what, i)) {
                return i;
            }
        }
        return -1;
    }
}
