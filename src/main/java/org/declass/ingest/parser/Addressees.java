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
            String rest = c;
            if (i == start) {
                rest = c.substring(2);
            } else if (keyword(c, "TO")) {
                mode = Mode.TO;
                rest = c.substring(2);
            } else if (keyword(c, "INFO")) {
                mode = Mode.INFO;
                rest = c.substring(4);
                if (officeCodes(rest)) {
                    continue;
                }
            } else if (keyword(c, "XMT")) {
                mode = Mode.EXCLUDED;
                continue;
            }
            if (mode == Mode.EXCLUDED) {
                continue;
            }
            String a = address(rest);
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
        String s = line.strip();
        if (s.indexOf("  ") >= 0 || s.indexOf('\t') >= 0) {
            s = WS.matcher(s).replaceAll(" ");
        }
        int b = 0;
        int e = s.length();
        int slash = s.indexOf('/');
        if (slash >= 4 && slash <= 8 && s.charAt(0) == 'R' && slash + 1 < e && s.charAt(slash + 1) != ' '
                && routingIndicator(s, slash)) {
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
    private static boolean routingIndicator(String s, int slash) {
        for (int i = 1; i < slash; i++) {
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

    /** Capitals, digits and address punctuation only; not a classification line or a page header. */
    private static boolean looksLikeAddress(String c) {
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (ch >= 'a' && ch <= 'z' || ch > 127 && Character.isLowerCase(ch)) {
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
