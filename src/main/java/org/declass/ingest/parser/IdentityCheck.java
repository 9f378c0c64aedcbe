package org.declass.ingest.parser;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.declass.marking.CableMarkings;
import org.declass.marking.Finding;
import org.declass.marking.Severity;

/**
 * Whether a file's routing header and its text belong to the same cable. A publisher's mix-up can put the
 * transmission header of one cable in front of the text of another (another post, serial and signer); stored as
 * one cable, the text would be filed, dated and released under the other cable's identity. Such a file gets the
 * finding {@value #CODE} (an ERROR naming both identities), and ingest refuses to store it, for a person to decide.
 * <p>
 * Two independent facts must both disagree with the class line: the originating post (the {@code FM} line, else the
 * ACP-126 {@code PAGE 01} line) and the serial (the {@code DE} line's station serial, else the {@code PAGE 01} line).
 * What legitimately differs is not a mix:
 * <ul>
 * <li>the station serial carries the last four digits of a longer serial ({@code #3812} for STATE 063812), and a
 * section number after it ({@code #0694/01});</li>
 * <li>a relayed cable names the relay station on its {@code DE} line, with the relay's serial, but its own post on
 * the {@code FM} line: only one fact disagrees;</li>
 * <li>the {@code FM} line names the post with its kind ({@code AMEMBASSY}, {@code AMCONSUL}, {@code USMISSION},
 * {@code IRAN RPO DUBAI} for RPO DUBAI, {@code SECSTATE WASHDC} for STATE); the {@code PAGE} line cuts the post to
 * six letters;</li>
 * <li>a redacted post ({@code XXXXXXXXXXXX}) on the class line leaves nothing to compare;</li>
 * <li>the partial-extract print header's date line is the publisher's: dates are not compared.</li>
 * </ul>
 */
public final class IdentityCheck {

    /** The parser finding of a file whose routing header and text are two different cables. */
    public static final String CODE = "P-MIXED-IDENTITY";

    /** "PAGE 01        HARARE  06677  01 OF 03  291400Z": the post (possibly cut) and the serial. */
    private static final Pattern PAGE_ONE = Pattern.compile("PAGE\\s+0*1\\s+([A-Z][A-Z .'\\-]{0,30}?)\\s+(\\d{3,6})\\b.*");

    /** How many pieces before the class line are read: the routing header is short. */
    private static final int MAX_PIECES = 400;

    private IdentityCheck() {
    }

    /**
     * The finding for a file whose routing header (read from the pieces before the first class line) names another
     * cable than its class line, or null.
     */
    static Finding check(String text, List<Lines.Piece> pieces, List<CableMarkings.ClassLine> classLines,
                         String stationSerial, String origin, String serial) {
        if (classLines.isEmpty() || origin == null || serial == null || isRedacted(origin)) {
            return null;
        }
        int classLine = classLines.get(0).line();
        String fm = null;
        Matcher page = null;
        for (int i = 0, n = Math.min(pieces.size(), MAX_PIECES); i < n; i++) {
            Lines.Piece p = pieces.get(i);
            if (p.line >= classLine) {
                break;
            }
            if (p.blank()) {
                continue;
            }
            char c = text.charAt(p.cstart);
            if (c == 'F' && fm == null && text.startsWith("FM ", p.cstart)) {
                fm = p.content(text).substring(3).trim();
            } else if (c == 'P' && page == null && text.startsWith("PAGE", p.cstart)) {
                Matcher m = PAGE_ONE.matcher(p.content(text));
                if (m.matches()) {
                    page = m;
                }
            }
            if (fm != null && page != null) {
                break;
            }
        }
        String pagePost = page == null ? null : page.group(1).trim();
        String pageSerial = page == null ? null : page.group(2);
        boolean otherPost = (fm != null || pagePost != null)
                && (fm == null || !samePost(fm, origin)) && (pagePost == null || !samePagePost(pagePost, origin));
        boolean otherSerial = (stationSerial != null || pageSerial != null)
                && (stationSerial == null || !sameSerial(stationSerial, serial))
                && (pageSerial == null || !sameSerial(pageSerial, serial));
        if (!otherPost || !otherSerial) {
            return null;
        }
        String routingPost = fm != null ? fm : pagePost;
        String routingSerial = stationSerial != null ? stationSerial : pageSerial;
        return Finding.atLine(CODE, Severity.ERROR, "mixed identity: the routing header is cable " + routingSerial
                + " of " + routingPost + ", but the text is cable " + serial + " of " + origin
                + " (class line); two cables in one file, for a person to decide", classLine);
    }

    /** The FM line names the class line's post, with or without its kind ("AMEMBASSY ROME" and "ROME"). */
    static boolean samePost(String fm, String origin) {
        String r = letters(fm);
        String c = letters(origin);
        if (r.isEmpty() || c.isEmpty() || r.contains(c) || c.contains(r)) {
            return true;
        }
        int space = fm.trim().lastIndexOf(' ');
        String city = letters(space < 0 ? fm : fm.substring(space + 1));
        return city.length() >= 3 && c.contains(city);
    }

    /** The PAGE line's post, cut to six letters, begins the class line's post (or the other way round). */
    static boolean samePagePost(String page, String origin) {
        String p = letters(page);
        String c = letters(origin);
        return p.isEmpty() || c.isEmpty() || c.startsWith(p) || p.startsWith(c);
    }

    /** Equal serials, or equal in their last four digits (the station serial's width). */
    static boolean sameSerial(String routing, String serial) {
        try {
            long a = Long.parseLong(routing);
            long b = Long.parseLong(serial);
            return a == b || a % 10_000 == b % 10_000;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static boolean isRedacted(String origin) {
        return origin.indexOf("XXX") >= 0;
    }

    private static String letters(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = Character.toUpperCase(s.charAt(i));
            if (ch >= 'A' && ch <= 'Z') {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
