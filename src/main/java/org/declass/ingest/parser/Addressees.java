package org.declass.ingest.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the addressees of a transmission header: the TO (action) and INFO addressees, each as its plain language
 * address ("TO RUEHC/SECSTATE WASHDC IMMEDIATE 8157" gives "SECSTATE WASHDC").
 * <p>
 * What is filed and what is not:
 * <ul>
 * <li>Reading starts at the "TO " line that follows the "FM " line (or that carries a routing indicator); every
 * following line is one addressee, an "INFO " line switches to the INFO addressees, and the list ends at a blank
 * line, "BT", a classification line or a line that is not an address (lower case text, a page header).</li>
 * <li>Removed from each address: the routing indicator ("RUEHC/"), the precedence (FLASH, NIACT IMMEDIATE,
 * IMMEDIATE, PRIORITY, ROUTINE, or their letters Z, O, P, R; a month name standing in its place is a garble and
 * goes too) and the message sequence number. An office symbol written after the address is part of it and kept
 * as written ("CDR USHARBORCOM PORTHAVEN FL//J2//").</li>
 * <li>Not filed: the office routing codes of an old telegram print header ("ACTION EUR-00", "INFO LOG-00 NP-00
 * ... /004W"): they come before FM/TO and name offices of the receiving department, not addressees; an INFO line
 * made only of such codes is skipped also after TO. Addressees after "XMT" are excluded from a collective, so
 * they are not recipients and are skipped up to the next TO or INFO keyword.</li>
 * </ul>
 * Pure functions over the lines of the routing header; the caller passes the lines before the text header.
 */
final class Addressees {

    /** The TO and INFO addressees, in order, empty when the text has no routing header. */
    record Read(List<String> to, List<String> info) {
        static final Read NONE = new Read(List.of(), List.of());
    }

    private static final Pattern ROUTING_INDICATOR = Pattern.compile("R[A-Z0-9]{3,7}/(?=\\S)");
    private static final Pattern WS = Pattern.compile("\\s+");
    /** Precedence words and letters; a month standing in their place is a garbled date-time group. */
    private static final String[] PRECEDENCES = {"IMMEDIATE", "PRIORITY", "ROUTINE", "FLASH", "NIACT", "Z", "O", "P",
        "R", "0", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final Pattern OFFICE_CODE = Pattern.compile("[A-Z][A-Z0-9]{0,5}-\\d{2}|/\\d{3}[A-Z]");
    private static final Pattern CLASS_START = Pattern.compile(
            "(?:UNCLAS|CONFIDENTIAL|SECRET|TOP\\s+SECRET|LIMITED\\s+OFFICIAL|C\\s+O\\s+N\\s+F|S\\s+E\\s+C\\s+R|"
                    + "U\\s+N\\s+C\\s+L|T\\s+O\\s+P\\s+S)\\b.*");

    private enum Mode { TO, INFO, EXCLUDED }

    private Addressees() {
    }

    /** Reads the first routing header in these lines (each line without its terminator). */
    static Read read(List<String> lines) {
        int start = firstTo(lines);
        if (start < 0) {
            return Read.NONE;
        }
        List<String> to = new ArrayList<>();
        List<String> info = new ArrayList<>();
        Mode mode = Mode.TO;
        for (int i = start; i < lines.size(); i++) {
            String c = lines.get(i).strip();
            if (c.isEmpty() || c.equals("BT") || !looksLikeAddress(c)) {
                break;
            }
            int from = 0;
            if (i == start) {
                from = 2;
            } else if (keyword(c, "TO")) {
                mode = Mode.TO;
                from = 2;
            } else if (keyword(c, "INFO")) {
                mode = Mode.INFO;
                from = 4;
                if (officeCodes(c.substring(from))) {
                    continue;
                }
            } else if (keyword(c, "XMT")) {
                mode = Mode.EXCLUDED;
                continue;
            }
            if (mode == Mode.EXCLUDED) {
                continue;
            }
            String a = address(c, from);
            if (!a.isEmpty()) {
                (mode == Mode.TO ? to : info).add(a);
            }
        }
        return new Read(List.copyOf(to), List.copyOf(info));
    }

    /** The index of the TO line opening the addressees, or -1. */
    static int firstTo(List<String> lines) {
        String previous = "";
        for (int i = 0; i < lines.size(); i++) {
            String c = lines.get(i).strip();
            if (c.isEmpty()) {
                continue;
            }
            if (keyword(c, "TO") && looksLikeAddress(c)
                    && (previous.startsWith("FM ") || ROUTING_INDICATOR.matcher(c).region(2, c.length()).find())) {
                return i;
            }
            previous = c;
        }
        return -1;
    }

    /**
     * One address as filed: "RUEHC/SECSTATE WASHDC IMMEDIATE 8157" gives "SECSTATE WASHDC". Empty when nothing
     * is left.
     */
    static String address(String line) {
        return address(line, 0);
    }

    /** The address written from offset {@code from} of the line on. */
    private static String address(String line, int from) {
        String s = line;
        if (s.indexOf("  ", from) >= 0 || s.indexOf('\t', from) >= 0) {
            s = WS.matcher(s.substring(from)).replaceAll(" ");
            from = 0;
        }
        int b = from;
        int e = s.length();
        while (b < e && Character.isWhitespace(s.charAt(b))) {
            b++;
        }
        while (e > b && Character.isWhitespace(s.charAt(e - 1))) {
            e--;
        }
        int slash = s.indexOf('/', b);
        if (slash >= b + 4 && slash <= b + 8 && s.charAt(b) == 'R' && slash + 1 < e && s.charAt(slash + 1) != ' '
                && routingIndicator(s, b + 1, slash)) {
            b = slash + 1;
        }
        // "PLAD [precedence] [sequence]": the number first (when two words stay), then the precedence
        int sp = s.lastIndexOf(' ', e - 1);
        if (sp > b && s.lastIndexOf(' ', sp - 1) > b && digits(s, sp + 1, e)) {
            e = sp;
            sp = s.lastIndexOf(' ', e - 1);
        }
        if (sp > b && precedence(s, sp + 1, e)) {
            boolean immediate = s.startsWith("IMMEDIATE", sp + 1);
            e = sp;
            if (immediate && e - 6 > b && s.startsWith(" NIACT", e - 6)) {
                e -= 6;
            }
        }
        return s.substring(b, e);
    }

    /** "RUEHC/": R and three to seven capitals or digits before the slash. */
    private static boolean routingIndicator(String s, int from, int slash) {
        for (int i = from; i < slash; i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** One to five digits: a message sequence number. */
    private static boolean digits(String s, int from, int to) {
        if (to - from < 1 || to - from > 5) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean precedence(String s, int from, int to) {
        for (String w : PRECEDENCES) {
            if (w.length() == to - from && s.startsWith(w, from)) {
                return true;
            }
        }
        return false;
    }

    /** "INFO LOG-00 NP-00 AID-00 /004W": the receiving department's office routing codes, not addressees. */
    static boolean officeCodes(String rest) {
        String r = rest.strip();
        if (r.isEmpty()) {
            return false;
        }
        for (String token : WS.split(r)) {
            if (!OFFICE_CODE.matcher(token).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean keyword(String c, String word) {
        return c.startsWith(word) && (c.length() == word.length() || c.charAt(word.length()) == ' ');
    }

    /**
     * An address line: its first words are capitals, digits and address punctuation (a line of prose, "Wednesday,
     * 11 March 2009", has lower case at once); not a classification line or a page header.
     */
    private static boolean looksLikeAddress(String c) {
        int n = Math.min(c.length(), 6);
        for (int i = 0; i < n; i++) {
            if (Character.isLowerCase(c.charAt(i))) {
                return false;
            }
        }
        return !c.startsWith("PAGE ") && !(classStart(c) && CLASS_START.matcher(c).matches());
    }

    /** A cheap first look for a classification word or a spaced one ("C O N F ..."). */
    private static boolean classStart(String c) {
        return c.length() > 2 && c.charAt(1) == ' ' || c.startsWith("UNCLAS") || c.startsWith("CONFID")
                || c.startsWith("SECRET") || c.startsWith("TOP") || c.startsWith("LIMITED");
    }
}
