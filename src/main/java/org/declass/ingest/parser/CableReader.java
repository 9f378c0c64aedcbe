package org.declass.ingest.parser;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.declass.cableid.Origins;
import org.declass.ingest.parser.Lines.Piece;
import org.declass.marking.CableMarkings;
import org.declass.marking.ClassificationLevel;
import org.declass.marking.Declassification;
import org.declass.marking.DeclassificationKind;
import org.declass.marking.Finding;
import org.declass.marking.Marking;
import org.declass.marking.Severity;

/** One parse run over one text. Not thread-safe; {@link CableParser} makes a new one per call. */
final class CableReader {

    // ------------------------------------------------------------------ patterns (precompiled once)

    private static final String CLASS_WORD = "(T\\s?O\\s?P\\s{1,3}S\\s?E\\s?C\\s?R\\s?E\\s?T|S?S\\s?E\\s?C\\s?R\\s?E\\s?T"
            + "|C\\s?O\\s?N\\s?F\\s?I\\s?D\\s?E\\s?N\\s?T\\s?I\\s?A\\s?L|UNCLASSIFIED|UNCLAS(?:\\s{1,3}E\\s?F\\s?T\\s?O)?"
            + "|LIMITED\\s{1,3}OFFICIAL\\s{1,3}USE)";
    static final Pattern CLASS_LINE = Pattern.compile("(?i)\\s*¶?" + CLASS_WORD
            + "(\\s*//\\s*[A-Z][A-Z/ ]*?)?(?:\\s+SECTION\\s+(\\d{1,3})\\s+OF\\s+(\\d{1,3}))?"
            + "\\s+([A-Z][A-Z .'\\-]{0,40}?)\\s+(\\d{3,7})(?=\\s|$)");
    static final Pattern CLASS_ONLY = Pattern.compile("(?i)\\s*" + CLASS_WORD + "\\s*(?://\\s*[A-Z/ ]+)?\\s*");
    private static final Pattern DTG = Pattern.compile(
            "\\s*(?:[ZOPRM](?:\\s?[ZOPRM])?\\s+)?(\\d{2})(\\d{2})(\\d{2})Z\\s+([A-Za-z]{3})\\s+(\\d{2}|\\d{4})"
                    // a transmission's own operating signals may follow: "ZDK", "ZDS CTG RUEHSD 0020 1580042"
                    + "(?:\\s+Z[A-Z]{2}\\b.*)?\\s*");
    private static final Pattern DTG_PREC = Pattern.compile("\\s*[ZOPRM](?:\\s?[ZOPRM])?\\s+\\d{6}Z\\s.*");
    private static final Pattern DE_LINE = Pattern.compile("DE\\s+[A-Z]{3,}\\s+#(\\d{1,5})\\b.*");
    private static final Pattern FL4 = Pattern.compile("\\s*ZN[YR]\\s+([UECST]{5})\\b.*");
    private static final Pattern WEEKDAY_LINE = Pattern.compile(
            "\\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\\s+\\d{1,2}\\s+[A-Za-z]+\\s+\\d{4},\\s+\\d{1,2}:\\d{2}\\s*");
    private static final String PARTIAL = "This record is a partial extract of the original cable";
    private static final Pattern EO = Pattern.compile(
            "(?<![A-Za-z.])(?:E\\s?\\.\\s?[Oo0]\\s?\\.?|EO|E\\.o\\.|e\\.o\\.)\\s*(\\d{4,5})(?!\\d)\\s*[:,.;]?\\s*");
    /** The TAGS keyword at a line start: any case, colon optional; misspelt forms ("TAGES:", "TAS:") need a colon. */
    private static final Pattern TAGS_START = Pattern.compile(
            "(?:(?i:TAGS?)(?![A-Za-z])\\s*[:;,]?|(?i:TAGES?|TAS|TABS|TGS|AGS)\\s*[:;])\\s*");
    /** The TAGS keyword glued after other header text (the E.O. line): capitals, or any case with a colon. */
    private static final Pattern TAGS_MID = Pattern.compile(
            "(?<![A-Za-z])(?:TAGS?(?![A-Za-z])|Tags(?![A-Za-z])|(?i:tags?|tages?|tas)(?=\\s*:))\\s*[:;]?\\s*");
    private static final Pattern SUBJ_START = Pattern.compile("(?i:SUBJECT|SUBJ|UBJECT)(?![A-Za-z])\\s*[:.]?\\s*");
    private static final Pattern SUBJ_COLON = Pattern.compile("(?i:SUBJECT|SUBJ|UBJECT)\\s*:");
    /** The wrapped end of a reason list: "and (d).", "(b), (c) and (d).", "(a), (c) and (d)." */
    private static final Pattern REASON_TAIL = Pattern.compile(
            "(?i)\\s*(?:(?:and|&|,|/)\\s*)?\\(\\s*[a-h]\\s*\\)(?:\\s*(?:,|and|&|/|\\s)\\s*\\(\\s*[a-h]\\s*\\))*\\s*\\.?\\s*"
                    + "|(?i)\\s*(?:a?nd|d)\\s+\\(?\\s*[a-h]\\s*\\)?\\s*\\.?\\s*"
                    + "|(?i)\\s*1\\s*[.,]\\s*[45]\\s*\\(\\s*[a-h]\\s*\\)(?:\\s*(?:,|and|&|/|\\s)\\s*\\(\\s*[a-h]\\s*\\))*\\s*\\.?\\s*");
    private static final Pattern REASON_LINE = Pattern.compile("(?i)\\s*(?:\\(U\\)\\s*)?REASONS?\\b.*");
    private static final Pattern SUBJ_MID = Pattern.compile("(?:SUBJECT|SUBJ|Subject)\\s*:\\s*");
    private static final Pattern REF_START = Pattern.compile(
            "(?i:REFS?|REF\\(S\\)|REFTELS?|RETELS?|REFERENCES?|PROGRAM REF)(?![A-Za-z])\\s*[:.]?\\s*");
    /** A REF keyword glued to the end of the line before it ("... SUBJECT TEXT Ref: STATE 123", "... REFTEL:"). */
    private static final Pattern REF_MID = Pattern.compile("(?<![A-Za-z])(?i:REFS?|REFTELS?|REF\\(S\\))\\s*:\\s*");
    private static final Pattern CAB_START = Pattern.compile("(?i)(?:\\(U\\)\\s*)?clas+i?f?i{0,2}e?d\\s+by(?![A-Za-z])");
    private static final Pattern CAB_MID = Pattern.compile("(?i)clas+i?f?i{0,2}e?d\\s+by\\s*:");
    /** A REF keyword glued to the subject: "REF:", "Ref(s):", "ref:", "REFTEL:", "References:". */
    private static final Pattern SUBJ_REF = Pattern.compile(
            "(?<![A-Za-z])(?i:REF(?:S|\\(S\\)|TELS?|ERENCES?)?)\\s*:");
    /**
     * A "Sensitive but unclassified" statement glued to the subject; a subject about such information ("RULES FOR
     * SENSITIVE BUT UNCLASSIFIED INFORMATION") is not one: the statement ends the text or is followed by punctuation,
     * "entire text", "please" or "not for", or starts with "(U)" or "this cable is".
     */
    private static final Pattern SUBJ_SBU = Pattern.compile(
            "(?i)(?<=\\s)(\\((?:U|SBU)\\)\\s*)?(this\\s+(?:cable|message|telegram)\\s+is\\s+)?sensitive[\\s-]+but[\\s-]+"
                    + "unclassified(?=\\s*(?:[-.,;:(]|entire|please|and\\s+not|not\\s+for)|\\s*$)");
    /** A page marker glued into the subject: "LAKEVIEW 00000417 001.2 OF 003". */
    private static final Pattern SUBJ_PAGE = Pattern.compile("\\s(\\d{8})\\s+\\d{3}(?:\\.\\d{1,2})?\\s+OF\\s+\\d{3}(?=\\s|$)");
    /** A page number alone on its line: "2", "- 2 -", "PAGE 2", "Page 2 of 5". */
    private static final Pattern PAGE_NUMBER = Pattern.compile("(?i)(?:-\\s*)?(?:page\\s+)?\\d{1,3}(?:\\s+of\\s+\\d{1,3})?(?:\\s*-)?");
    /** Words after which a subject line cannot end: its text goes on after a blank line. */
    private static final Set<String> MID_PHRASE_WORDS = Set.of("A", "AN", "THE", "AND", "OR", "NOR", "BUT", "OF", "TO",
            "IN", "ON", "AT", "BY", "FOR", "FROM", "WITH", "WITHOUT", "INTO", "ONTO", "OVER", "UNDER", "ABOUT", "AFTER",
            "BEFORE", "DURING", "BETWEEN", "AMONG", "AGAINST", "TOWARD", "TOWARDS", "THROUGH", "VIA", "VS", "VS.",
            "VERSUS", "ITS", "HIS", "HER", "THEIR", "OUR", "UPON", "WHILE", "AS");
    private static final Pattern ENTIRE_TEXT = Pattern.compile(
            "(?i)(UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\\s*[-\\u2013:,]*\\s*ENTIRE\\s+TEXT");
    private static final Pattern NUMBERED = Pattern.compile("(¶)?(\\d{1,3})\\s?\\.(?!\\d)\\s*");
    private static final Pattern MARK = Pattern.compile("\\(\\s?([A-Za-z][A-Za-z/ ,\\-]{0,38})\\)\\s*");
    private static final Pattern MARK_MALFORMED = Pattern.compile("(TS|S|C|U|SBU)\\)\\s+");
    private static final Pattern LABEL_MARK = Pattern.compile(
            "((?i:summary|comment|begin summary|summary and comment)\\s*[:.]?\\s*)\\(([A-Za-z][A-Za-z/ ]{0,20})\\)\\s*");
    private static final Pattern LETTERED = Pattern.compile("¶?(?:([A-Z])[.)]|\\(([A-Za-z])\\))\\s*");
    /** A portion's label, read only before the portion's own mark: "A.", "b)", "(c)", "II.", "(6)", "(7).". */
    private static final Pattern SUB_LABEL = Pattern.compile(
            "¶?(?:([IVX]{2,5}|[ivx]{2,5}|[A-Za-z])[.)]|\\((\\d{1,2}|[A-Za-z])\\)\\.?)\\s*");
    /** A bullet before its own mark: "-- (S//NF) ...", "- (C) ...", "* (C) ...". */
    private static final Pattern BULLET = Pattern.compile("(?:-{1,3}|\\*|\u2022)\\s*");
    /** A bullet line with or without a mark: the dash, then text. */
    private static final Pattern BULLET_LINE = Pattern.compile("(?:-{1,3}|\\*|\u2022)\\s*[(\\w\"']");
    /** "6, (SBU) ...": a paragraph number written with a comma, read only before a mark and in sequence. */
    private static final Pattern NUMBERED_COMMA = Pattern.compile("(¶)?(\\d{1,3}),\\s*");
    /**
     * A piece of a reason list wrapped below Classified By, and nothing else: "1.4 (b), (c), and (d).", "d).",
     * "(c), and (d).", "REASON: 1.4(C).", "4 (b) and (d).".
     */
    private static final Pattern REASON_FRAGMENT = Pattern.compile("(?i)\\s*(?:(?:for\\s+)?reasons?\\s*[:.]?\\s*)?"
            + "(?:(?:section\\s+)?(?:1\\s*[.,]?\\s*[45]?|[45])\\s*[.,:]?\\s*)?"
            + "(?:(?:a?nd|or|&|\\+|,|/|\\s)*(?:\\(\\s*[a-h]\\s*\\)?|[a-h]\\s*\\)|[a-h](?![a-z])))*"
            + "(?:a?nd|or|&|\\+|,|/|\\s)*\\)?\\s*\\.?\\s*");
    private static final Pattern PAGE_ONE = Pattern.compile("(?:[A-Z ]+\\s+)?PAGE\\s+0*1\\s");
    private static final Pattern JUNK_LINE = Pattern.compile("[>\\-=_*#~. ]{1,80}");
    private static final Pattern STAMP = Pattern.compile(
            "(?i).*Declassified/Released\\s+US\\s+Department\\s+of\\s+State.*");
    private static final Pattern STAMP2 = Pattern.compile("(?i)\\s*(?:EO\\s+)?Systematic\\s+Review\\b.*");
    private static final Pattern ADDRESSEE = Pattern.compile(
            "(?i)\\s*(?:[A-Z0-9/&.,\\-]+\\s+){0,6}?(?:FOR|PLEASE\\s+PASS|PASS\\s+TO|PASS)(?![A-Za-z]).*");
    private static final Pattern CORRECTION = Pattern.compile("(?i)\\s*(?:-\\s*-\\s*)?C\\s?O\\s?R\\s?R\\s?E\\s?C\\s?T\\s?E\\s?D.*");
    private static final Pattern FOR_ONLY = Pattern.compile("FOR\\s+[A-Z][A-Z .'/\\-]{0,40}\\s+ONLY");
    private static final Set<String> CAPTION_WORDS = Set.of("SIPDIS", "NOFORN", "EXDIS", "NODIS", "LIMDIS", "STADIS",
            "CHEROKEE", "SENSITIVE", "AIDAC", "NOTAL", "CONDIS", "NODIF", "ROGER", "DISSENT", "TOSEC", "SECTO",
            "EXCLUSIVE", "NOCONTRACT", "PROPIN", "ORCON");
    private static final Set<String> CAPTION_PHRASES = Set.of("EYES ONLY", "WEBGRAM EXCLUDED ONLY", "OFFICIAL INFORMAL",
            "SENSITIVE BUT UNCLASSIFIED", "SENSITIVE-BUT-UNCLASSIFIED", "ONLY", "SPECIAL HANDLING", "DISSENT CHANNEL",
            "SBU", "STATE FOR OFFICIAL USE ONLY");
    /** The first words a caption line can start with: caption words, first words of caption phrases, FOR. */
    private static final Set<String> CAPTION_STARTS;
    private static final int LONGEST_CAPTION_START;

    static {
        Set<String> starts = new java.util.HashSet<>(CAPTION_WORDS);
        for (String phrase : CAPTION_PHRASES) {
            int sp = phrase.indexOf(' ');
            starts.add(sp < 0 ? phrase : phrase.substring(0, sp));
        }
        starts.add("FOR");
        CAPTION_STARTS = Set.copyOf(starts);
        LONGEST_CAPTION_START = CAPTION_STARTS.stream().mapToInt(String::length).max().orElse(0);
    }

    private static final Pattern CAPTION_GAPS = Pattern.compile("[\\s,]+");
    private static final Set<String> KNOWN_ORDERS = Set.of("12958", "13526", "12356", "12065", "11652", "13292");
    private static final String MONTHS = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";
    /** White space runs and the TAGS keyword's marks: compiled once, not on every call. */
    private static final Pattern WS_RUN = Pattern.compile("\\s+");
    private static final Pattern TAGS_KEYWORD_MARKS = Pattern.compile("[:;,\\s]");
    /** How many preamble lines are kept for reading the addressees: a routing header is far shorter. */
    private static final int ROUTING_LINES = 400;
    /** How much of the last body line is read for a signer's name glued to its end. */
    private static final int GLUED_TAIL = 100;

    private enum H { NONE, TAGS, SUBJECT, REF, CAB }

    // ------------------------------------------------------------------ input and state

    private final String text;
    private final ParseHints hints;
    private final List<Piece> pieces;
    private final SegmentKind[] kinds;
    private final int[] groups;
    /** sub-line spans for pieces split by the header reader: {kind ordinal, start, end} triples */
    private final List<int[]>[] spans;
    private final List<Finding> findings = new ArrayList<>();

    private boolean partial;
    private boolean sawTransmission;
    private LocalDate dtgDate;
    private String stationSerial;
    /** The first FM line's address ("AMEMBASSY SAN SALVADOR"), or null. */
    private String fmAddress;
    private final List<CableMarkings.ClassLine> classLines = new ArrayList<>();
    private CableMarkings.BottomClass bottomClass;
    private ClassificationLevel fl4Level;
    private ClassificationLevel classLevel;
    private boolean lou;
    private boolean classLineSeen;
    private String classWordNorm;
    private String origin;
    private String serial;
    private int sections = 1;
    private final Set<String> captions = new LinkedHashSet<>();
    private Declassification decl;
    private int eoLine;
    private boolean eoSeen;
    /** The cable date the E.O. line was read with; build() re-reads it only when the date known then differs. */
    private LocalDate eoDate;
    /** The TAGS value as written, its lines joined by newlines; read into tags at the end. */
    private final StringBuilder tagsText = new StringBuilder();
    private boolean tagsSeen;
    private final StringBuilder subject = new StringBuilder();
    private boolean subjectSeen;
    /** Set by {@link #nextGlued}: the subject text ended where a "Sensitive but unclassified" statement starts. */
    private boolean subjectCutAtSbu;
    private final StringBuilder refText = new StringBuilder();
    private boolean refSeen;
    private final StringBuilder cabText = new StringBuilder();
    private boolean cabSeen;
    private Marking entireText;
    private boolean sbuStatement;
    private final List<ParsedParagraph> paragraphs = new ArrayList<>();
    private int group = 1;
    private final List<String> signers = new ArrayList<>();
    private final List<String> recipients = new ArrayList<>();
    private final List<String> infoRecipients = new ArrayList<>();

    @SuppressWarnings("unchecked")
    CableReader(String text, ParseHints hints) {
        this.text = text;
        this.hints = hints;
        this.pieces = Lines.scan(text);
        this.kinds = new SegmentKind[pieces.size()];
        this.groups = new int[pieces.size()];
        this.spans = new List[pieces.size()];
    }

    // ------------------------------------------------------------------ driver

    ParseResult read() {
        int n = pieces.size();
        int classIdx = findClassLine();
        int headerStart;
        if (classIdx >= 0) {
            headerStart = classIdx;
        } else {
            headerStart = findHeaderStart();
        }
        int preEnd = headerStart >= 0 ? headerStart : n;
        readPreamble(0, preEnd);
        int trailerStart = findTrailer(Math.max(preEnd, 0));
        int bodyStart = trailerStart;
        if (headerStart >= 0) {
            bodyStart = readHeader(headerStart, classIdx >= 0, trailerStart);
        }
        if (classIdx < 0 && !eoSeen && !tagsSeen && !subjectSeen && !sawTransmission) {
            return new ParseResult.Rejected(
                    "no cable structure: no classification line, E.O. line, TAGS or SUBJECT found");
        }
        if (headerStart < 0) {
            // transmission header only: the rest is body
            bodyStart = firstNonPreamble(trailerStart);
        }
        readBody(bodyStart, trailerStart);
        return new ParseResult.Parsed(build());
    }

    // ------------------------------------------------------------------ class line and preamble

    private int findClassLine() {
        int limit = Math.min(pieces.size(), 400);
        int vz = -1;
        for (int i = 1; i < limit; i++) {
            Piece p = pieces.get(i);
            if (!p.blank() && text.startsWith("VZCZC", p.cstart)) {
                vz = i;
                break;
            }
        }
        if (vz > 0) {
            int found = findClassLine(vz, limit);
            if (found >= 0) {
                return found;
            }
        }
        return findClassLine(0, limit);
    }

    private int findClassLine(int from, int limit) {
        for (int i = from; i < limit; i++) {
            Piece p = pieces.get(i);
            if (p.blank() || p.pageBreak) {
                continue;
            }
            char c = Character.toUpperCase(text.charAt(p.cstart));
            if (c != 'C' && c != 'S' && c != 'U' && c != 'L' && c != 'T' && c != '¶') {
                continue;
            }
            if (mt(CLASS_LINE).region(p.cstart, p.cend).lookingAt()) {
                return i;
            }
        }
        return -1;
    }

    /** Without a class line: the first E.O., TAGS or SUBJECT line (or caption line just before them). */
    private int findHeaderStart() {
        int limit = Math.min(pieces.size(), 400);
        for (int i = 0; i < limit; i++) {
            Piece p = pieces.get(i);
            if (p.blank() || p.pageBreak) {
                continue;
            }
            if (lookingAt(EO, p) || lookingAt(TAGS_START, p) && tagsLooksValid(p) || lookingAt(SUBJ_COLON, p)) {
                int j = i;
                while (j > 0 && (pieces.get(j - 1).blank() || captionOf(pieces.get(j - 1).content(text)) != null)) {
                    j--;
                }
                while (j < i && pieces.get(j).blank()) {
                    j++;
                }
                return j;
            }
        }
        return -1;
    }

    private int firstNonPreamble(int limit) {
        int i = 0;
        while (i < limit && kinds[i] != null) {
            i++;
        }
        return i;
    }

    private void readPreamble(int from, int to) {
        boolean inTransmission = false;
        boolean sawFm = false;
        boolean sawTo = false;
        List<String> routing = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Piece p = pieces.get(i);
            if (p.blank()) {
                kinds[i] = SegmentKind.BLANK;
                if (sawTo && routing.size() < ROUTING_LINES) {
                    routing.add("");
                }
                continue;
            }
            String c = p.content(text);
            if (routing.size() < ROUTING_LINES) {
                routing.add(p.pageBreak ? "" : c);
            }
            if (c.startsWith(PARTIAL) || c.startsWith("The full text of the original cable")) {
                partial = true;
                kinds[i] = SegmentKind.WRAPPER;
                continue;
            }
            if (c.length() < 60 && c.indexOf(',') > 0 && WEEKDAY_LINE.matcher(c).matches()) {
                kinds[i] = SegmentKind.WRAPPER;
                continue;
            }
            Matcher d = c.indexOf('Z', 1) > 0 ? DTG.matcher(c) : null;
            if (d != null && d.matches()) {
                LocalDate date = dtgToDate(d);
                boolean precedence = DTG_PREC.matcher(c).matches();
                if (precedence || dtgDate == null) {
                    if (date != null && (precedence || dtgDate == null)) {
                        dtgDate = date;
                    }
                }
                kinds[i] = precedence || inTransmission ? SegmentKind.TRANSMISSION : SegmentKind.WRAPPER;
                sawTransmission |= precedence;
                continue;
            }
            if (c.startsWith("VZCZC") || c.startsWith("ZNY ") || c.startsWith("ZNR ")
                    || c.startsWith("PAGE ") && p.pageBreak) {
                sawTransmission = true;
                inTransmission = true;
            } else if (c.startsWith("FM ")) {
                sawFm = true;
                if (fmAddress == null) {
                    fmAddress = c.substring(3).trim();
                }
                inTransmission |= sawTo;
            } else if (c.startsWith("TO ")) {
                sawTo = true;
                inTransmission |= sawFm;
            }
            sawTransmission |= sawFm && sawTo;
            if (c.startsWith("DE ") && stationSerial == null) {
                Matcher de = DE_LINE.matcher(c);
                if (de.matches()) {
                    stationSerial = withoutLeadingZeros(de.group(1));
                }
            }
            Matcher fl4 = c.startsWith("ZN") ? FL4.matcher(c) : null;
            if (fl4 != null && fl4.matches()) {
                fl4Level = switch (fl4.group(1).charAt(0)) {
                    case 'C' -> ClassificationLevel.CONFIDENTIAL;
                    case 'S' -> ClassificationLevel.SECRET;
                    case 'T' -> ClassificationLevel.TOP_SECRET;
                    default -> ClassificationLevel.UNCLASSIFIED;
                };
            }
            if (isStamp(c) || isStamp2(c) && i > 0
                    && kinds[i - 1] == SegmentKind.DECLASSIFICATION_STAMP) {
                kinds[i] = SegmentKind.DECLASSIFICATION_STAMP;
                continue;
            }
            kinds[i] = inTransmission || p.pageBreak ? SegmentKind.TRANSMISSION : SegmentKind.OTHER;
        }
        if (sawTransmission) {
            for (int i = from; i < to; i++) {
                if (kinds[i] == SegmentKind.OTHER) {
                    kinds[i] = SegmentKind.TRANSMISSION;
                }
            }
        }
        if (sawTo) {
            Addressees.Read a = Addressees.read(routing);
            recipients.addAll(a.to());
            infoRecipients.addAll(a.info());
        }
    }

    private static LocalDate dtgToDate(Matcher d) {
        try {
            int day = Integer.parseInt(d.group(1));
            int month = MONTHS.indexOf(d.group(4).toUpperCase(Locale.ROOT)) / 3 + 1;
            if (MONTHS.indexOf(d.group(4).toUpperCase(Locale.ROOT)) < 0) {
                return null;
            }
            String y = d.group(5);
            int year = Integer.parseInt(y);
            if (y.length() == 2) {
                year += year >= 60 ? 1900 : 2000;
            }
            return LocalDate.of(year, month, day);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ text header

    /** Reads from the class line (or first header line) to the body; returns the index of the first body piece. */
    private int readHeader(int from, boolean hasClassLine, int limit) {
        int i = from;
        if (hasClassLine) {
            Piece p = pieces.get(i);
            Matcher m = CLASS_LINE.matcher(text).region(p.cstart, p.cend);
            m.lookingAt();
            readClassLine(m, p);
            int restStart = m.end();
            List<int[]> sp = new ArrayList<>();
            if (restStart < p.cend && !text.substring(restStart, p.cend).isBlank()) {
                sp.add(new int[] {SegmentKind.CLASS_LINE.ordinal(), p.start, restStart});
                spans[i] = sp;
                headerFragment(i, restStart, p.cend, true);
                closeSpans(i);
            } else {
                kinds[i] = SegmentKind.CLASS_LINE;
            }
            i++;
        } else {
            findings.add(Finding.atLine("P-NO-CLASS-LINE", Severity.WARNING,
                    "no classification line found", pieces.get(Math.max(0, Math.min(from, pieces.size() - 1))).line));
        }
        H mode = H.NONE;
        int headerLines = 0;
        for (; i < limit; i++) {
            Piece p = pieces.get(i);
            if (p.pageBreak) {
                kinds[i] = SegmentKind.PAGE_BREAK;
                continue;
            }
            if (p.blank() || markOnly(p)) {
                kinds[i] = p.blank() ? SegmentKind.BLANK : SegmentKind.WRAPPER;
                if (mode == H.SUBJECT && subject.length() > 0) {
                    mode = subjectGoesOn(i, limit) ? H.SUBJECT : H.NONE;
                } else if (mode == H.TAGS || mode == H.CAB) {
                    mode = H.NONE;
                }
                continue;
            }
            headerLines++;
            String c = p.content(text);
            // a reason list wrapped onto the next line, "(c) and (d).": it begins like a (C) portion mark, but it
            // is the end of the Classified By line above it, never a paragraph that a reviewer sees or releases
            if (i > 0 && kinds[i - 1] == SegmentKind.CAB && REASON_TAIL.matcher(c).matches()) {
                kinds[i] = SegmentKind.CAB;
                cabText.append('\n').append(c);
                continue;
            }
            // body starts at a numbered paragraph
            if (isBodyStart(p, c)) {
                return i;
            }
            H started = classify(c, p);
            if (started != null) {
                mode = headerFragment(i, p.start, p.cend, false);
                closeSpans(i);
                continue;
            }
            // continuation of the element in progress
            if (mode == H.TAGS && (Tags.looksLikeList(c, Tags.continues(tagsText))
                    || Tags.looksLikeCodeWords(c) && elementStartsAt(i + 1, limit))) {
                kinds[i] = SegmentKind.TAGS;
                mode = headerFragment(i, p.start, p.cend, false, H.TAGS);
                closeSpans(i);
                continue;
            }
            if (mode == H.SUBJECT && subject.length() > 0 && isPageFurniture(p, c)) {
                kinds[i] = SegmentKind.PAGE_BREAK;
                continue;
            }
            if (mode == H.SUBJECT && !startsBodyText(c)) {
                kinds[i] = SegmentKind.SUBJECT;
                mode = headerFragment(i, p.start, p.cend, false, H.SUBJECT);
                closeSpans(i);
                continue;
            }
            if (mode == H.REF && References.continues(c, blankBefore(i), refText)) {
                if (References.isFurniture(c)) {
                    // a page-number line or a repeated class line between the items
                    kinds[i] = SegmentKind.PAGE_BREAK;
                    continue;
                }
                kinds[i] = SegmentKind.REF;
                mode = headerFragment(i, p.start, p.cend, false, H.REF);
                closeSpans(i);
                continue;
            }
            if ((mode == H.CAB && Classifiers.continues(cabText, c) || cabSeen && !cabHasReason()
                    && (REASON_LINE.matcher(c).matches() || ClassificationReasons.isList(c))
                    || i > 0 && kinds[i - 1] == SegmentKind.CAB && REASON_TAIL.matcher(c).matches())
                    && (!startsBodyText(c) || ClassificationReasons.startsLine(c))) {
                kinds[i] = SegmentKind.CAB;
                cabText.append('\n').append(c);
                continue;
            }
            String cap = captionOf(c);
            if (cap != null) {
                kinds[i] = SegmentKind.CAPTION;
                addCaptions(c);
                mode = H.NONE;
                continue;
            }
            if (CORRECTION.matcher(c).matches() && !eoSeen) {
                kinds[i] = SegmentKind.CORRECTION;
                continue;
            }
            if (isStamp(c) || isStamp2(c) && i > 0
                    && kinds[i - 1] == SegmentKind.DECLASSIFICATION_STAMP) {
                kinds[i] = SegmentKind.DECLASSIFICATION_STAMP;
                continue;
            }
            Matcher et = ENTIRE_TEXT.matcher(c);
            if (et.lookingAt()) {
                kinds[i] = SegmentKind.ENTIRE_TEXT;
                readEntireText(et);
                if (CAB_MID.matcher(c).find()) {
                    cabFrom(c);
                }
                mode = H.NONE;
                continue;
            }
            if (!eoSeen && !tagsSeen && !subjectSeen && headerLines <= 12 && c.length() <= 100
                    && ADDRESSEE.matcher(c).matches() && mostlyUpper(c)) {
                kinds[i] = SegmentKind.ADDRESSEE;
                continue;
            }
            if (!eoSeen && !tagsSeen && !subjectSeen && headerElementAhead(i, limit)) {
                kinds[i] = ADDRESSEE.matcher(c).matches() || mostlyUpper(c) ? SegmentKind.ADDRESSEE
                        : SegmentKind.OTHER;
                continue;
            }
            if (!eoSeen && !tagsSeen && !subjectSeen && headerLines <= 4 && c.length() <= 60 && mostlyUpper(c)) {
                kinds[i] = SegmentKind.ADDRESSEE;
                continue;
            }
            if (!eoSeen && !tagsSeen && !subjectSeen && !cabSeen) {
                // no header element yet and this is text: the body starts here
                return i;
            }
            return i;
        }
        return limit;
    }

    /** True when an E.O., TAGS or SUBJECT line follows within the next few non-blank lines. */
    private boolean headerElementAhead(int i, int limit) {
        int seen = 0;
        for (int j = i + 1; j < limit && seen < 6; j++) {
            Piece q = pieces.get(j);
            if (q.blank() || q.pageBreak) {
                continue;
            }
            seen++;
            if (isBodyStart(q, null)) {
                return false;
            }
            if (lookingAt(EO, q) || lookingAt(TAGS_START, q) && tagsLooksValid(q) || lookingAt(SUBJ_COLON, q)) {
                return true;
            }
        }
        return false;
    }

    private boolean cabHasReason() {
        return Classifiers.hasReason(cabText);
    }

    /** Which header element a line starts with, or null. */
    private H classify(String c, Piece p) {
        if (lookingAt(EO, p) || lookingAt(TAGS_START, p) && tagsLooksValid(p) || lookingAt(SUBJ_START, p)
                || lookingAt(REF_START, p) && !startsBodyText(c) || lookingAt(CAB_START, p)) {
            return H.NONE;
        }
        // an addressee line carrying the E.O. line ("DEPT FOR NEA/MAG AND DRL E.O. 12958: ...")
        if (!eoSeen && p.cend - p.cstart < 200 && hasDigit(p.cstart, p.cend)) {
            Matcher m = EO.matcher(text).region(p.cstart, p.cend);
            if (m.find()) {
                return H.NONE;
            }
        }
        return null;
    }

    private boolean tagsLooksValid(Piece p) {
        // "TAGS" followed by text; avoid "Tags of the ..." in prose: the keyword must be upper case or followed by
        // ':', or else ("tags prel pgov", "Tags PREL, PGOV") be followed by a list of tag codes
        Matcher m = TAGS_START.matcher(text).region(p.cstart, p.cend);
        if (!m.lookingAt()) {
            return false;
        }
        String kw = text.substring(p.cstart, m.end()).trim();
        if (kw.endsWith(":") || kw.endsWith(";") || kw.endsWith(",") || kw.startsWith("TAG")) {
            return true;
        }
        int e = p.cend;
        while (e > m.end() && Lines.isWs(text.charAt(e - 1))) {
            e--;
        }
        return e > m.end() && Tags.looksLikeList(text.substring(m.end(), e), false);
    }

    private boolean lookingAt(Pattern pat, Piece p) {
        if (p.cstart < p.cend && !mayStart(pat, text.charAt(p.cstart))) {
            return false;
        }
        return mt(pat).region(p.cstart, p.cend).lookingAt();
    }

    /**
     * False when a match of the header keyword pattern cannot begin with {@code c} (the patterns are case-insensitive
     * for ASCII letters only); true for other patterns. A cheap look before the pattern runs.
     */
    private static boolean mayStart(Pattern pat, char c) {
        if (pat == EO) {
            return c == 'E' || c == 'e';
        }
        if (pat == TAGS_START) {
            return c == 'T' || c == 't' || c == 'A' || c == 'a';
        }
        if (pat == SUBJ_START || pat == SUBJ_COLON) {
            return c == 'S' || c == 's' || c == 'U' || c == 'u';
        }
        if (pat == REF_START) {
            return c == 'R' || c == 'r' || c == 'P' || c == 'p';
        }
        if (pat == CAB_START) {
            return c == 'C' || c == 'c' || c == '(';
        }
        return true;
    }

    /** True when [s, e) of the text holds an ASCII digit (every E.O. line has its order number). */
    private boolean hasDigit(int s, int e) {
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** True when [s, e) of the text holds {@code c}. */
    private boolean has(char c, int s, int e) {
        for (int i = s; i < e; i++) {
            if (text.charAt(i) == c) {
                return true;
            }
        }
        return false;
    }

    /** True when [s, e) of the text holds "ta" in any case, as every TAGS keyword does. */
    private boolean hasTa(int s, int e) {
        for (int i = s; i + 1 < e; i++) {
            char c = text.charAt(i);
            if ((c == 't' || c == 'T') && (text.charAt(i + 1) | 0x20) == 'a') {
                return true;
            }
        }
        return false;
    }

    private final java.util.IdentityHashMap<Pattern, Matcher> matchers = new java.util.IdentityHashMap<>();

    /** A matcher over the text, reused: callers must not hold its state across another use of the same pattern. */
    private Matcher mt(Pattern pat) {
        Matcher m = matchers.get(pat);
        if (m == null) {
            m = pat.matcher(text);
            matchers.put(pat, m);
        }
        return m;
    }

    private H headerFragment(int i, int s, int e, boolean inClassLine) {
        return headerFragment(i, s, e, inClassLine, null);
    }

    /**
     * Reads [s, e) of piece i as header text, splitting it where another element starts (flattened headers,
     * glued terminators). Records spans for piece i. Returns the element still open at the end.
     */
    private H headerFragment(int i, int s, int e, boolean inClassLine, H continuing) {
        Piece p = pieces.get(i);
        if (spans[i] == null) {
            spans[i] = new ArrayList<>();
        }
        List<int[]> sp = spans[i];
        int spanStart = sp.isEmpty() ? p.start : sp.get(sp.size() - 1)[2];
        int pos = s;
        while (pos < e && Lines.isWs(text.charAt(pos))) {
            pos++;
        }
        H open = H.NONE;
        H cur = continuing;
        int curStart = pos;
        while (pos < e) {
            if (cur == null) {
                // what starts here?
                Matcher m;
                char ch = text.charAt(pos);
                if (mayStart(EO, ch) && (m = EO.matcher(text).region(pos, e)).lookingAt()) {
                    cur = H.NONE; // E.O.
                    int valueEnd = nextKeyword(m.end(), e, true, true, true);
                    readEo(m, m.end(), valueEnd, p.line);
                    sp.add(new int[] {SegmentKind.EO_LINE.ordinal(), spanStart, valueEnd});
                    spanStart = valueEnd;
                    pos = valueEnd;
                    cur = null;
                    open = H.NONE;
                    continue;
                }
                if (mayStart(TAGS_START, ch) && (m = TAGS_START.matcher(text).region(pos, e)).lookingAt()) {
                    int valueEnd = nextKeyword(m.end(), e, false, true, true);
                    readTagsKeyword(pos, m.end(), p.line);
                    appendTags(m.end(), valueEnd);
                    sp.add(new int[] {SegmentKind.TAGS.ordinal(), spanStart, valueEnd});
                    spanStart = valueEnd;
                    pos = valueEnd;
                    open = H.TAGS;
                    continue;
                }
                if (mayStart(SUBJ_START, ch) && (m = SUBJ_START.matcher(text).region(pos, e)).lookingAt()) {
                    if (text.charAt(pos) == 'U' && !text.startsWith("UBJECT", pos) || text.startsWith("UBJECT", pos)) {
                        if (text.startsWith("UBJECT", pos)) {
                            findings.add(Finding.atLine("P-SUBJECT-KEYWORD", Severity.INFO,
                                    "SUBJECT keyword written \"UBJECT\"", p.line));
                        }
                    }
                    subjectSeen = true;
                    cur = H.SUBJECT;
                    curStart = m.end();
                    pos = m.end();
                    continue;
                }
                if (mayStart(REF_START, ch) && (m = REF_START.matcher(text).region(pos, e)).lookingAt()) {
                    refSeen = true;
                    cur = H.REF;
                    curStart = m.end();
                    pos = m.end();
                    continue;
                }
                if (mayStart(CAB_START, ch) && (m = CAB_START.matcher(text).region(pos, e)).lookingAt()) {
                    cur = H.CAB;
                    curStart = pos;
                    continue;
                }
                // unknown text: up to the next keyword is caption / addressee / other
                int next = nextKeyword(pos, e, true, true, true);
                if (next == pos) {
                    next = e;
                }
                String frag = text.substring(pos, next).trim();
                SegmentKind k;
                if (captionOf(frag) != null || inClassLine && allCaptionWords(frag)) {
                    addCaptions(frag);
                    k = SegmentKind.CAPTION;
                } else if (inClassLine) {
                    k = SegmentKind.CLASS_LINE;
                } else {
                    k = SegmentKind.ADDRESSEE;
                }
                sp.add(new int[] {k.ordinal(), spanStart, next});
                spanStart = next;
                pos = next;
                continue;
            }
            switch (cur) {
                case TAGS -> {
                    int end = nextKeyword(pos, e, true, false, true);
                    appendTags(curStart, end);
                    sp.add(new int[] {SegmentKind.TAGS.ordinal(), spanStart, end});
                    spanStart = end;
                    pos = end;
                    open = H.TAGS;
                }
                case SUBJECT -> {
                    int end = nextGlued(pos, e);
                    int page = subjectPageMarker(curStart, end);
                    if (page >= 0) {
                        // a page marker glued inside the subject: page furniture, and the subject goes on after it
                        Matcher pm = SUBJ_PAGE.matcher(text).region(page, end);
                        int pageEnd = pm.find() ? pm.end() : end;
                        appendSubject(curStart, page);
                        sp.add(new int[] {SegmentKind.SUBJECT.ordinal(), spanStart, page});
                        sp.add(new int[] {SegmentKind.PAGE_BREAK.ordinal(), page, pageEnd});
                        spanStart = pageEnd;
                        pos = pageEnd;
                        curStart = pageEnd;
                        open = H.SUBJECT;
                        continue;
                    }
                    appendSubject(curStart, end);
                    sp.add(new int[] {SegmentKind.SUBJECT.ordinal(), spanStart, end});
                    spanStart = end;
                    pos = end;
                    open = H.SUBJECT;
                    if (subjectCutAtSbu) {
                        // a glued "Sensitive but unclassified" statement: a caption up to the next keyword
                        int stop = nextKeyword(end, e, true, true, true);
                        Matcher ref = SUBJ_REF.matcher(text).region(end, stop);
                        if (ref.find()) {
                            stop = ref.start();
                        }
                        addCaptions("SENSITIVE BUT UNCLASSIFIED");
                        sp.add(new int[] {SegmentKind.CAPTION.ordinal(), spanStart, stop});
                        spanStart = stop;
                        pos = stop;
                        open = H.NONE;
                    }
                }
                case REF -> {
                    int end = indexOfCab(pos, e);
                    int cut = References.end(text, curStart, end, refText);
                    int after = cut;
                    while (after < end && Lines.isWs(text.charAt(after))) {
                        after++;
                    }
                    if (cut < end && CAB_START.matcher(text).region(after, end).lookingAt()) {
                        end = after; // a Classified By without its colon, or misspelt, glued to the last item
                    }
                    refText.append(refText.length() > 0 ? "\n" : "").append(text, curStart, cut);
                    sp.add(new int[] {SegmentKind.REF.ordinal(), spanStart, end});
                    spanStart = end;
                    pos = end;
                    open = cut < end ? H.NONE : H.REF;
                }
                case CAB -> {
                    cabSeen = true;
                    if (cabText.length() > 0) {
                        cabText.append('\n');
                    }
                    cabText.append(text, curStart, e);
                    readEntireTextIn(curStart, e);
                    sp.add(new int[] {SegmentKind.CAB.ordinal(), spanStart, e});
                    spanStart = e;
                    pos = e;
                    open = H.CAB;
                }
                default -> pos = e;
            }
            cur = null;
            curStart = pos;
        }
        if (cur == H.REF) {
            // "REFS:" alone at the end of the line: the items follow on the next lines
            sp.add(new int[] {SegmentKind.REF.ordinal(), spanStart, e});
            open = H.REF;
        }
        return open;
    }

    /** True when a blank line lies between piece i and the header line before it (page breaks skipped). */
    private boolean blankBefore(int i) {
        for (int j = i - 1; j >= 0; j--) {
            Piece q = pieces.get(j);
            if (q.blank()) {
                return true;
            }
            if (!q.pageBreak) {
                return false;
            }
        }
        return false;
    }

    private void closeSpans(int i) {
        List<int[]> sp = spans[i];
        Piece p = pieces.get(i);
        if (sp == null || sp.isEmpty()) {
            spans[i] = null;
            return;
        }
        int[] last = sp.get(sp.size() - 1);
        if (last[2] < p.end) {
            last[2] = p.end;
        }
        if (sp.size() == 1) {
            kinds[i] = SegmentKind.values()[last[0]];
            spans[i] = null;
        } else if (kinds[i] == null) {
            kinds[i] = SegmentKind.values()[sp.get(0)[0]];
        }
    }

    /** Adds [s, e) to the subject, trimmed and without "\" continuation marks. */
    private void appendSubject(int s, int e) {
        while (e > s && (Lines.isWs(text.charAt(e - 1)) || text.charAt(e - 1) == '\\')) {
            e--;
        }
        while (s < e && Lines.isWs(text.charAt(s))) {
            s++;
        }
        if (s >= e) {
            return;
        }
        if (subject.length() > 0) {
            subject.append(' ');
        }
        subject.append(text, s, e);
    }

    private void appendTags(int s, int e) {
        if (tagsText.length() > 0) {
            tagsText.append('\n');
        }
        tagsText.append(text, s, e);
    }

    /** A line holding only a "\" continuation mark (a blank line of a CSV export). */
    private boolean markOnly(Piece p) {
        return !p.blank() && p.cend - p.cstart <= 2 && text.charAt(p.cstart) == '\\' && p.content(text).equals("\\");
    }

    /** A repeated class line, a class word alone or a page number, met while a subject wraps. */
    private boolean isPageFurniture(Piece p, String c) {
        if (c.length() > 80) {
            return false;
        }
        if (c.length() < 40 && (classOnly(c) || PAGE_NUMBER.matcher(c).matches())) {
            return true;
        }
        Matcher m = mt(CLASS_LINE).region(p.cstart, p.cend);
        return origin != null && m.lookingAt() && m.end() >= p.cend - 1
                && spacesCollapsed(m.group(5).trim()).equalsIgnoreCase(origin);
    }

    /** Where a page marker glued into the subject text [s, e) starts, or -1. */
    private int subjectPageMarker(int s, int e) {
        if (e - s < 20 || Lines.indexOf(text, " OF ", s, e) < 0) {
            return -1;
        }
        Matcher m = SUBJ_PAGE.matcher(text).region(s, e);
        if (!m.find()) {
            return -1;
        }
        // the marker starts with the origin (perhaps cut short: "RIO DE JAN", "OUAGADOUGO"): one to three words
        String want = origin == null ? "" : origin.replace(" ", "");
        int digits = m.start(1);
        int best = -1;
        int w = m.start();
        for (int words = 1; words <= 3; words++) {
            int ws = w;
            while (ws > s && !Lines.isWs(text.charAt(ws - 1))) {
                ws--;
            }
            if (ws == w) {
                break;
            }
            String cand = withoutSpaces(text.substring(ws, digits));
            if (words == 1 || !want.isEmpty() && (want.startsWith(cand) || want.endsWith(cand))) {
                best = ws;
            }
            w = ws;
            while (w > s && Lines.isWs(text.charAt(w - 1))) {
                w--;
            }
        }
        while (best > s && Lines.isWs(text.charAt(best - 1))) {
            best--;
        }
        return best;
    }

    /**
     * At a blank line after the subject: true when the next line still belongs to the subject. It does when it is a
     * short line of its own, not a header element, caption, page furniture or the body, and it clearly continues the
     * subject: it starts in lower case (in a cable whose subject has capitals, or right before the REF or Classified
     * By line), or the subject so far ends mid-phrase ("... AFTER THE"), or it is a short fragment in the subject's
     * case standing alone right before the REF or Classified By line.
     */
    private boolean subjectGoesOn(int i, int limit) {
        int j = i + 1;
        int blanks = 1;
        boolean page = false;
        while (j < limit && (pieces.get(j).blank() || pieces.get(j).pageBreak || markOnly(pieces.get(j)))) {
            page |= pieces.get(j).pageBreak;
            blanks += pieces.get(j).pageBreak ? 0 : 1;
            j++;
        }
        if (j >= limit || blanks > (page ? 4 : 2)) {
            return false;
        }
        Piece q = pieces.get(j);
        String c = q.content(text);
        if (c.length() > 80 || isBodyStart(q, c) || startsBodyText(c) || classify(c, q) != null
                || captionOf(c) != null || CORRECTION.matcher(c).matches() || isPageFurniture(q, c)) {
            return false;
        }
        int k = j + 1;
        if (k < limit && !pieces.get(k).blank() && !pieces.get(k).pageBreak && !markOnly(pieces.get(k))
                && classify(pieces.get(k).content(text), pieces.get(k)) == null) {
            return false; // the line is the start of a paragraph, not a fragment
        }
        boolean beforeRefOrCab = refOrCabAfter(j, limit);
        boolean subjectHasCapitals = false;
        boolean subjectHasLower = false;
        for (int x = 0; x < subject.length(); x++) {
            char ch = subject.charAt(x);
            subjectHasCapitals |= Character.isUpperCase(ch);
            subjectHasLower |= Character.isLowerCase(ch);
        }
        if (Character.isLowerCase(c.charAt(0))) {
            return subjectHasCapitals || beforeRefOrCab;
        }
        if (subjectEndsMidPhrase()) {
            return true;
        }
        boolean fragmentHasLower = false;
        for (int x = 0; x < c.length(); x++) {
            fragmentHasLower |= Character.isLowerCase(c.charAt(x));
        }
        return beforeRefOrCab && fragmentHasLower == subjectHasLower && WS_RUN.split(c).length <= 4;
    }

    /** True when piece j starts a SUBJECT, REF or Classified By element. */
    private boolean elementStartsAt(int j, int limit) {
        if (j >= limit || pieces.get(j).blank() || pieces.get(j).pageBreak) {
            return false;
        }
        Piece q = pieces.get(j);
        return lookingAt(SUBJ_START, q) || lookingAt(REF_START, q) || lookingAt(CAB_START, q);
    }

    /** True when the next line after piece j that is not blank or page furniture starts REF or Classified By. */
    private boolean refOrCabAfter(int j, int limit) {
        for (int k = j + 1; k < limit; k++) {
            Piece q = pieces.get(k);
            if (q.blank() || q.pageBreak || markOnly(q)) {
                continue;
            }
            return lookingAt(REF_START, q) || lookingAt(CAB_START, q);
        }
        return false;
    }

    private boolean subjectEndsMidPhrase() {
        int e = subject.length();
        if (e == 0) {
            return false;
        }
        char last = subject.charAt(e - 1);
        if (",:;-&/(".indexOf(last) >= 0) {
            return true;
        }
        int s = e;
        while (s > 0 && !Character.isWhitespace(subject.charAt(s - 1))) {
            s--;
        }
        return MID_PHRASE_WORDS.contains(subject.substring(s, e).toUpperCase(Locale.ROOT));
    }

    /** Position of the next TAGS / SUBJECT / Classified By keyword in [from, to), or {@code to}. */
    private int nextKeyword(int from, int to, boolean eo, boolean tagsKw, boolean subj) {
        int best = to;
        Matcher m;
        // cheap looks first: an E.O. line has digits, a TAGS keyword "ta", SUBJECT: and Classified By: a colon
        boolean colon = has(':', from, to);
        if (eo && hasDigit(from, to) && (m = EO.matcher(text).region(from, to)).find() && m.start() > from) {
            best = Math.min(best, m.start());
        }
        if (tagsKw && hasTa(from, best) && (m = TAGS_MID.matcher(text).region(from, best)).find()
                && m.start() > from) {
            best = Math.min(best, m.start());
        }
        if (subj && colon && (m = SUBJ_MID.matcher(text).region(from, best)).find() && m.start() > from) {
            best = Math.min(best, m.start());
        }
        if (colon && (m = CAB_MID.matcher(text).region(from, best)).find() && m.start() > from) {
            best = Math.min(best, m.start());
        }
        return best;
    }

    /** Where a subject glued to a REF keyword, Classified By: or a "Sensitive but unclassified" statement ends. */
    private int nextGlued(int from, int to) {
        subjectCutAtSbu = false;
        int best = to;
        Matcher m;
        // Classified By: and a REF keyword end in a colon; the statement says "sensitive"
        if (has(':', from, to)) {
            m = CAB_MID.matcher(text).region(from, to);
            if (m.find()) {
                best = m.start();
            }
            m = SUBJ_REF.matcher(text).region(from, best);
            if (m.find() && m.start() > from) {
                best = m.start();
            }
        }
        if (best - from > 25 && indexOfIgnoreCase("SENSITIVE", from, best) >= 0) {
            m = SUBJ_SBU.matcher(text).region(from, best);
            while (m.find()) {
                boolean atEnd = text.substring(m.end(), best).isBlank();
                if (m.start() > from && (!atEnd || m.group(1) != null || m.group(2) != null)) {
                    subjectCutAtSbu = true;
                    int b = m.start();
                    while (b > from && Lines.isWs(text.charAt(b - 1))) {
                        b--;
                    }
                    best = b;
                    break;
                }
            }
        }
        return best;
    }

    private int indexOfCab(int from, int to) {
        if (!has(':', from, to)) {
            return to;
        }
        Matcher m = CAB_MID.matcher(text).region(from, to);
        return m.find() ? m.start() : to;
    }

    private void readTagsKeyword(int s, int e, int line) {
        tagsSeen = true;
        String kw = text.substring(s, e).trim();
        String word = TAGS_KEYWORD_MARKS.matcher(kw).replaceAll("");
        if (!word.equalsIgnoreCase("TAGS") && !word.equalsIgnoreCase("TAG")) {
            findings.add(Finding.atLine("P-TAGS-KEYWORD", Severity.INFO,
                    "TAGS keyword written \"" + kw + "\"", line));
        }
    }

    private boolean looksLikeTags(String c) {
        return Tags.looksLikeList(c, false);
    }

    private void readEo(Matcher m, int valueStart, int valueEnd, int line) {
        if (eoSeen) {
            return;
        }
        eoSeen = true;
        eoLine = line;
        String order = m.group(1);
        if (order.equals("1295")) {
            findings.add(Finding.atLine("P-EO-ORDER", Severity.WARNING,
                    "E.O. order written \"1295\", read as 12958", line));
            order = "12958";
        } else if (!KNOWN_ORDERS.contains(order)) {
            findings.add(Finding.atLine("P-EO-ORDER", Severity.WARNING,
                    "E.O. order \"" + order + "\" is not a known classification order", line));
        }
        String raw = text.substring(valueStart, valueEnd).trim();
        eoDate = cableDate();
        decl = HeaderFields.readEo(order, raw, eoDate);
        if (raw.contains("XXXXX")) {
            findings.add(Finding.atLine("P-REDACTED", Severity.INFO, "the E.O. line is redacted", line));
        }
    }

    private LocalDate cableDate() {
        return hints.date() != null ? hints.date() : dtgDate;
    }

    private void readClassLine(Matcher m, Piece p) {
        classLineSeen = true;
        String word = m.group(1);
        String norm = withoutSpaces(word).toUpperCase(Locale.ROOT);
        if (norm.startsWith("SSECRET")) {
            norm = norm.substring(1);
        }
        classWordNorm = norm;
        if (norm.startsWith("TOPSECRET")) {
            classLevel = ClassificationLevel.TOP_SECRET;
        } else if (norm.startsWith("SECRET")) {
            classLevel = ClassificationLevel.SECRET;
        } else if (norm.startsWith("CONFIDENTIAL")) {
            classLevel = ClassificationLevel.CONFIDENTIAL;
        } else {
            classLevel = ClassificationLevel.UNCLASSIFIED;
            lou = norm.startsWith("LIMITED");
        }
        if (!norm.startsWith("UNCLAS") && !norm.startsWith("LIMITED")) {
            boolean spaced = singleLetterWords(word.trim());
            boolean solid = !word.trim().contains(" ") || word.trim().equalsIgnoreCase("TOP SECRET");
            if (!spaced && !solid) {
                findings.add(Finding.atLine("P-CLASS-LINE-MALFORMED", Severity.WARNING,
                        "classification word is malformed (irregular letter spacing)", p.line));
            }
        }
        if (!word.equals(word.toUpperCase(Locale.ROOT))) {
            findings.add(Finding.atLine("P-CLASS-LINE-CASE", Severity.INFO,
                    "classification line is not in capitals", p.line));
        }
        if (m.group(2) != null) {
            for (String ctl : m.group(2).split("/")) {
                String c = ctl.trim().toUpperCase(Locale.ROOT);
                if (!c.isEmpty()) {
                    captions.add(c.equals("NF") ? "NOFORN" : c);
                }
            }
            findings.add(Finding.atLine("P-CLASS-LINE-CONTROLS", Severity.WARNING,
                    "controls written on the classification line", p.line));
        }
        if (m.group(4) != null) {
            try {
                sections = Math.max(1, Integer.parseInt(m.group(4)));
            } catch (NumberFormatException e) {
                sections = 1;
            }
        }
        origin = spacesCollapsed(m.group(5).trim()).toUpperCase(Locale.ROOT);
        serial = withoutLeadingZeros(m.group(6));
        classLines.add(new CableMarkings.ClassLine(p.line, sectionNo(m), classLevel, origin, serial));
        if (allX(origin, 4)) {
            findings.add(Finding.atLine("P-REDACTED", Severity.INFO, "the originating post is redacted", p.line));
        }
    }

    private String captionOf(String c) {
        if (!captionStart(c)) {
            return null;
        }
        String u = HeaderFields.collapse(c).toUpperCase(Locale.ROOT);
        if (u.isEmpty()) {
            return null;
        }
        if (CAPTION_PHRASES.contains(u) || FOR_ONLY.matcher(u).matches()) {
            return u;
        }
        return allCaptionWords(u) ? u : null;
    }

    /**
     * A cheap look before {@link #captionOf}: the line's first word (up to white space or a comma), in capitals, is a
     * caption word, the first word of a caption phrase, or FOR. Every caption starts so; most lines do not.
     */
    private static boolean captionStart(String c) {
        int n = c.length();
        int s = 0;
        while (s < n && isCaptionGap(c.charAt(s))) {
            s++;
        }
        int e = s;
        while (e < n && !isCaptionGap(c.charAt(e))) {
            e++;
            if (e - s > LONGEST_CAPTION_START) {
                return false;
            }
        }
        return e > s && CAPTION_STARTS.contains(c.substring(s, e).toUpperCase(Locale.ROOT));
    }

    /** What separates caption words once {@link HeaderFields#collapse} has run: white space and commas. */
    private static boolean isCaptionGap(char ch) {
        return ch == ',' || ch == '\u00a0' || Character.isWhitespace(ch);
    }

    private static boolean allCaptionWords(String frag) {
        String u = frag.trim().toUpperCase(Locale.ROOT);
        if (u.isEmpty()) {
            return false;
        }
        // the words between runs of white space and commas ("[\\s,]+"), each a caption word
        int n = u.length();
        int k = 0;
        while (k < n) {
            while (k < n && isSpaceOrComma(u.charAt(k))) {
                k++;
            }
            int s = k;
            while (k < n && !isSpaceOrComma(u.charAt(k))) {
                k++;
            }
            if (k > s && !CAPTION_WORDS.contains(u.substring(s, k))) {
                return false;
            }
        }
        return true;
    }

    /** A character of the regex class {@code [\\s,]}: ASCII white space or a comma. */
    private static boolean isSpaceOrComma(char ch) {
        return ch == ' ' || ch == ',' || ch == '\t' || ch == '\n' || ch == '\u000b' || ch == '\f' || ch == '\r';
    }

    private void addCaptions(String c) {
        String u = HeaderFields.collapse(c).toUpperCase(Locale.ROOT);
        if (u.startsWith("SENSITIVE BUT UNCLASSIFIED") || u.startsWith("SENSITIVE-BUT-UNCLASSIFIED")
                || u.equals("SBU")) {
            captions.add("SENSITIVE");
            sbuStatement = true;
            return;
        }
        if (CAPTION_PHRASES.contains(u) || FOR_ONLY.matcher(u).matches()) {
            captions.add(u);
            return;
        }
        for (String t : CAPTION_GAPS.split(u)) {
            if (!t.isEmpty()) {
                captions.add(t);
            }
        }
    }

    private static boolean mostlyUpper(String c) {
        int up = 0;
        int low = 0;
        for (int k = 0; k < c.length(); k++) {
            char ch = c.charAt(k);
            if (Character.isUpperCase(ch)) {
                up++;
            } else if (Character.isLowerCase(ch)) {
                low++;
            }
        }
        return up > 0 && low * 4 <= up;
    }

    private boolean isBodyStart(Piece p, String c) {
        Matcher m = mt(NUMBERED).region(p.cstart, p.cend);
        if (m.lookingAt()) {
            int num = parseInt(m.group(2));
            return num >= 1 && num <= 3 || portionAt(m.end(), p.cend) != null;
        }
        return false;
    }

    private static boolean startsBodyText(String c) {
        String u = c.length() > 20 ? c.substring(0, 20).toUpperCase(Locale.ROOT) : c.toUpperCase(Locale.ROOT);
        return u.startsWith("SUMMARY") || u.startsWith("BEGIN SUMMARY") || u.startsWith("1.") || u.startsWith("¶1")
                || u.startsWith("THIS IS AN ACTION") || u.startsWith("(U)") || u.startsWith("(C)")
                || u.startsWith("(S)") || u.startsWith("(SBU)") || u.startsWith("SENSITIVE BUT")
                || u.startsWith("-----");
    }

    private void readEntireText(Matcher et) {
        String w = et.group(1).toUpperCase(Locale.ROOT);
        ClassificationLevel l = w.startsWith("SECRET") ? ClassificationLevel.SECRET
                : w.startsWith("CONFIDENTIAL") ? ClassificationLevel.CONFIDENTIAL : ClassificationLevel.UNCLASSIFIED;
        entireText = w.startsWith("LIMITED") ? Marking.of(l, Marking.LOU) : Marking.of(l);
    }

    private void readEntireTextIn(int s, int e) {
        // the statement ends in the words ENTIRE TEXT: without both (in any case) there is nothing to search
        int entire = indexOfIgnoreCase("ENTIRE", s, e);
        if (entire < 0 || indexOfIgnoreCase("TEXT", entire + 6, e) < 0) {
            return;
        }
        Matcher et = ENTIRE_TEXT.matcher(text).region(s, e);
        if (et.find()) {
            readEntireText(et);
        }
    }

    /** Where {@code upper} (capitals) occurs in [s, e) of the text in any case, or -1. */
    private int indexOfIgnoreCase(String upper, int s, int e) {
        char f = upper.charAt(0);
        char fl = Character.toLowerCase(f);
        for (int i = s, last = e - upper.length(); i <= last; i++) {
            char c = text.charAt(i);
            if ((c == f || c == fl) && text.regionMatches(true, i, upper, 0, upper.length())) {
                return i;
            }
        }
        return -1;
    }

    private void cabFrom(String c) {
        Matcher m = CAB_MID.matcher(c);
        if (m.find()) {
            cabSeen = true;
            cabText.append(c.substring(m.start()));
        }
    }

    // ------------------------------------------------------------------ trailer

    /**
     * Marks the trailer (signature block, bottom class line, NNNN, stamps) from the end upwards and returns the
     * index of its first piece; fills {@link #signers} from the signature block, or from a name glued to the end
     * of the last body line when the block has no name line of its own.
     */
    private int findTrailer(int floor) {
        int i = pieces.size() - 1;
        boolean signature = false;
        int signatureLines = 0;
        int start = pieces.size();
        List<String> names = new ArrayList<>(2);
        while (i >= floor) {
            Piece p = pieces.get(i);
            if (p.blank()) {
                kinds[i] = SegmentKind.BLANK;
                i--;
                continue;
            }
            if (p.pageBreak) {
                break;
            }
            String c = p.content(text);
            SegmentKind k = null;
            if (c.equalsIgnoreCase("NNNN")) {
                k = SegmentKind.END_OF_MESSAGE;
            } else if (JUNK_LINE.matcher(c).matches() || c.startsWith("SELECT * FROM ")) {
                // rules, stray dots and a publisher's database query left at the end of the dump
                k = SegmentKind.OTHER;
            } else if (isStamp(c) || isStamp2(c)) {
                k = SegmentKind.DECLASSIFICATION_STAMP;
            } else if (!signature && classOnly(c)) {
                k = SegmentKind.BOTTOM_CLASS;
                Matcher bc = CLASS_ONLY.matcher(c);
                if (bottomClass == null && bc.matches()) {
                    bottomClass = new CableMarkings.BottomClass(p.line, levelOf(bc.group(1)));
                }
            } else if (signatureLines < 2 && isSignature(c, i, floor, signatureLines == 0)) {
                k = SegmentKind.SIGNATURE;
                signature = true;
                signatureLines++;
                names.addAll(Signers.names(c, signatureLines == 1));
            } else if (signatureLines < 3 && Signers.isForLine(c)
                    && (signature || isSignatureAbove(i, floor))) {
                k = SegmentKind.SIGNATURE;
                signature = true;
            } else if (!signature && Signers.isSiteLine(c) && isSignatureAboveSiteLines(i, floor)) {
                k = SegmentKind.OTHER;
            }
            if (k == null) {
                break;
            }
            kinds[i] = k;
            start = i;
            i--;
        }
        // blank pieces below the trailer start that were marked stay BLANK
        for (int j = start; j < pieces.size(); j++) {
            if (kinds[j] == null) {
                kinds[j] = SegmentKind.BLANK;
            }
        }
        // clear BLANK marks above start (they belong to the body)
        for (int j = Math.max(i + 1, floor); j < start; j++) {
            if (kinds[j] == SegmentKind.BLANK) {
                kinds[j] = null;
            }
        }
        for (int j = names.size() - 1; j >= 0; j--) {
            signers.add(names.get(j));
        }
        if (!signature) {
            int last = previousContent(start, floor);
            String name = null;
            if (last >= 0) {
                Piece lp = pieces.get(last);
                // only the end of a (possibly long) last line can hold the name
                name = Signers.glued(text.substring(Math.max(lp.cstart, lp.cend - 2 * GLUED_TAIL), lp.cend));
            }
            if (name != null) {
                // the name stays inside the last paragraph's text: only the field is filled
                signers.add(name);
            }
        }
        return start;
    }

    /** A signer's name line (see {@link Signers}); a name directly under a valediction ("Best,") is the body's. */
    private boolean isSignature(String c, int i, int floor, boolean lastLine) {
        if (c.length() > 40 || !Signers.isNameLine(c, lastLine) || captionOf(c) != null
                || classOnly(c)) {
            return false;
        }
        int above = previousContent(i, floor);
        if (above >= 0 && text.charAt(trimEnd(pieces.get(above)) - 1) == ',') {
            return false;
        }
        if (!Character.isLowerCase(c.charAt(0))) {
            return true;
        }
        // a lower-case word under a running sentence is the sentence's last word, not a name
        String prev = above < 0 ? "" : pieces.get(above).content(text);
        return prev.length() <= 20 || JUNK_LINE.matcher(prev).matches() || Signers.isSiteLine(prev)
                || prev.endsWith(".") || prev.endsWith("!");
    }

    /** True when the nearest line above piece i is a signer's name line. */
    private boolean isSignatureAbove(int i, int floor) {
        int j = previousContent(i, floor);
        return j >= 0 && !pieces.get(j).pageBreak && isSignature(pieces.get(j).content(text), j, floor, false);
    }

    /** True when website lines run up from piece i to a signer's name line ("HALVORSEN" / "Visit ..." / "http..."). */
    private boolean isSignatureAboveSiteLines(int i, int floor) {
        int j = previousContent(i, floor);
        while (j >= 0 && !pieces.get(j).pageBreak && Signers.isSiteLine(pieces.get(j).content(text))) {
            j = previousContent(j, floor);
        }
        return j >= 0 && !pieces.get(j).pageBreak && isSignature(pieces.get(j).content(text), j, floor, true);
    }

    /** The index of the nearest non-blank piece above piece i and at or below floor, or -1. */
    private int previousContent(int i, int floor) {
        for (int j = i - 1; j >= floor; j--) {
            if (!pieces.get(j).blank()) {
                return j;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ body

    private final class Para {
        final int seq;
        final Integer number;
        final String sub;
        final String heading;
        final Marking marking;
        final int start;
        final int group;
        final StringBuilder body = new StringBuilder();
        int[] ranges = new int[16];
        int nr;
        int end;
        boolean afterBreak;
        int pendingBlankFrom = -1;
        /** a bullet ("-- ...") split out of its paragraph: the bullets and text after it are portions of their own */
        boolean bullet;
        /** a labelled heading with its own mark ("II. (S) Regional issues"): text after it is a portion of its own */
        boolean headingLike;

        Para(int seq, Integer number, String sub, String heading, Marking marking, int start, int group) {
            this.seq = seq;
            this.number = number;
            this.sub = sub;
            this.heading = heading;
            this.marking = marking;
            this.start = start;
            this.group = group;
        }

        void addText(int s, int e) {
            if (afterBreak) {
                push(-1, -1);
                afterBreak = false;
            }
            push(s, e);
        }

        private void push(int s, int e) {
            if (nr + 2 > ranges.length) {
                ranges = java.util.Arrays.copyOf(ranges, ranges.length * 2);
            }
            ranges[nr++] = s;
            ranges[nr++] = e;
        }

        /** True when the ranges follow each other without a gap or a page break: one run of the original. */
        private boolean contiguous() {
            if (nr == 0) {
                return false;
            }
            for (int k = 0; k < nr; k += 2) {
                if (ranges[k] < 0 || ranges[k] > ranges[k + 1] || k > 0 && ranges[k] != ranges[k - 1]) {
                    return false;
                }
            }
            return true;
        }

        ParsedParagraph toParagraph() {
            if (body.length() == 0 && contiguous()) {
                // one run of the original (the usual case): the text is that run, stripped, copied once
                int a = ranges[0];
                int b = ranges[nr - 1];
                while (a < b && Character.isWhitespace(text.charAt(a))) {
                    a++;
                }
                while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
                    b--;
                }
                return new ParsedParagraph(seq, number, sub, heading, marking, text.substring(a, b), start, end);
            }
            int cap = body.length();
            for (int k = 0; k < nr; k += 2) {
                cap += Math.max(0, ranges[k + 1] - ranges[k]) + 1;
            }
            StringBuilder sb = new StringBuilder(cap);
            sb.append(body);
            for (int k = 0; k < nr; k += 2) {
                if (ranges[k] < 0) {
                    // join the text across a page break: at most one newline
                    int len = sb.length();
                    while (len > 0 && (sb.charAt(len - 1) == '\n' || Lines.isWs(sb.charAt(len - 1)))) {
                        len--;
                    }
                    sb.setLength(len);
                    if (len > 0) {
                        sb.append('\n');
                    }
                } else {
                    sb.append(text, ranges[k], ranges[k + 1]);
                }
            }
            // the text stripped of white space at both ends (as String.strip), copied once
            int a = 0;
            int b = sb.length();
            while (a < b && Character.isWhitespace(sb.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(sb.charAt(b - 1))) {
                b--;
            }
            return new ParsedParagraph(seq, number, sub, heading, marking, sb.substring(a, b), start, end);
        }
    }

    private void readBody(int from, int to) {
        Para cur = null;
        int lastNumber = 0;
        int headingStart = -1;
        int headingFirst = -1;
        StringBuilder heading = null;
        Blanks blanks = new Blanks();
        boolean repeatHeader = false;
        H repeatMode = H.NONE;
        boolean lastBreak = false;
        int repeatTransmission = -1;
        int prev = from - 1;
        while (prev >= 0 && pieces.get(prev).blank()) {
            prev--;
        }
        for (int i = from; i < to; i++) {
            Piece p = pieces.get(i);
            if (kinds[i] != null && kinds[i] != SegmentKind.BLANK) {
                prev = i;
                continue;
            }
            if (p.blank()) {
                blanks.add(i);
                if (repeatHeader && repeatMode == H.SUBJECT) {
                    repeatMode = H.NONE;
                }
                continue;
            }
            // the previous non-blank line was Classified By (read by the header, or in the body)
            boolean afterCab = prev >= 0 && endsInCab(prev);
            prev = i;
            if (p.pageBreak) {
                kinds[i] = SegmentKind.PAGE_BREAK;
                flushBlanks(blanks, cur, SegmentKind.BLANK);
                if (cur != null) {
                    cur.afterBreak = true;
                }
                lastBreak = true;
                if (PAGE_ONE.matcher(text).region(p.cstart, p.cend).lookingAt()) {
                    repeatTransmission = i;
                }
                continue;
            }
            String c = p.content(text);
            boolean wasBreak = lastBreak;
            lastBreak = false;
            char c0 = c.charAt(0);
            // a repeated section header (partial extracts, multi-section dumps)
            if ((c0 == 'C' || c0 == 'S' || c0 == 'U' || c0 == 'L' || c0 == 'T' || c0 == 'c' || c0 == 's')
                    && (c.contains("SECTION") || c.contains("section"))) {
                Matcher m = mt(CLASS_LINE).region(p.cstart, p.cend);
                if (m.lookingAt() && m.group(4) != null) {
                    repeatTransmission = -1;
                    kinds[i] = SegmentKind.PAGE_BREAK;
                    flushBlanks(blanks, cur, SegmentKind.BLANK);
                    classLines.add(new CableMarkings.ClassLine(p.line, sectionNo(m), levelOf(m.group(1)),
                            spacesCollapsed(m.group(5).trim()).toUpperCase(Locale.ROOT),
                            withoutLeadingZeros(m.group(6))));
                    if (cur != null) {
                        cur.afterBreak = true;
                    }
                    repeatHeader = true;
                    repeatMode = H.NONE;
                    continue;
                }
            }
            if (repeatTransmission >= 0) {
                if (i - repeatTransmission < 80 && !isBodyStart(p, c)) {
                    kinds[i] = SegmentKind.PAGE_BREAK;
                    flushBlanks(blanks, cur, SegmentKind.BLANK);
                    continue;
                }
                repeatTransmission = -1;
            }
            if (repeatHeader) {
                if (captionOf(c) != null || lookingAt(EO, p) || lookingAt(TAGS_START, p) || lookingAt(SUBJ_START, p)
                        || repeatMode == H.TAGS && looksLikeTags(c) || repeatMode == H.SUBJECT
                        || ADDRESSEE.matcher(c).matches() && mostlyUpper(c) && c.length() < 100
                        && !NUMBERED.matcher(c).lookingAt()) {
                    kinds[i] = SegmentKind.PAGE_BREAK;
                    flushBlanks(blanks, cur, SegmentKind.BLANK);
                    if (lookingAt(TAGS_START, p)) {
                        repeatMode = H.TAGS;
                    } else if (lookingAt(SUBJ_START, p)) {
                        repeatMode = H.SUBJECT;
                    } else if (repeatMode != H.SUBJECT) {
                        repeatMode = H.NONE;
                    }
                    continue;
                }
                repeatHeader = false;
            }
            // a classification word alone on its line inside the body: page furniture
            if (c.length() < 40 && classOnly(c)) {
                kinds[i] = SegmentKind.PAGE_BREAK;
                flushBlanks(blanks, cur, SegmentKind.BLANK);
                if (cur != null) {
                    cur.afterBreak = true;
                }
                lastBreak = true;
                continue;
            }
            // CAB as a line of its own in the body
            if (!cabSeen && (c0 == 'C' || c0 == 'c' || c0 == '(') && mt(CAB_START).region(p.cstart, p.cend).lookingAt()) {
                flushBlanks(blanks, cur, SegmentKind.BLANK);
                kinds[i] = SegmentKind.CAB;
                cabSeen = true;
                cabText.append(c);
                int j = i + 1;
                while (j < to && j < i + 4 && !pieces.get(j).blank() && !pieces.get(j).pageBreak
                        && paragraphStart(pieces.get(j), lastNumber, true) == null
                        && Classifiers.continues(cabText, pieces.get(j).content(text))) {
                    kinds[j] = SegmentKind.CAB;
                    cabText.append('\n').append(pieces.get(j).content(text));
                    j++;
                }
                i = j - 1;
                prev = i;
                continue;
            }
            // a reason list wrapped below Classified By ("for reasons" / "1.4 (b), (c), and (d)."; "(b) (" / "d)."):
            // the end of that line, never a paragraph (nor a "(c)" portion) that a reviewer sees or releases
            if (afterCab && c.length() <= 60 && REASON_FRAGMENT.matcher(c).matches() && cabOpen()) {
                flushBlanks(blanks, cur, SegmentKind.BLANK);
                kinds[i] = SegmentKind.CAB;
                cabText.append(' ').append(c);
                continue;
            }
            // paragraph start?
            Start st = paragraphStart(p, lastNumber, !blanks.isEmpty() || cur == null || wasBreak);
            if (st != null) {
                flushBlanks(blanks, cur, SegmentKind.BLANK);
                if (cur != null) {
                    paragraphs.add(cur.toParagraph());
                }
                if (st.number != null && st.sub == null) {
                    lastNumber = st.number;
                }
                Integer number = st.sub != null || st.bullet ? (cur != null ? cur.number : null) : st.number;
                String h = heading != null ? heading.toString() : null;
                int start = headingStart >= 0 ? headingStart : p.cstart;
                cur = new Para(paragraphs.size() + 1, number, st.sub, h, st.marking, start, group++);
                cur.bullet = st.bullet;
                cur.headingLike = st.number == null && looksLikeHeading(st.textStart, trimEnd(p));
                heading = null;
                headingStart = -1;
                headingFirst = -1;
                if (st.malformed) {
                    findings.add(new Finding("P-PORTION-MALFORMED", Severity.WARNING,
                            "portion mark lacks its opening parenthesis", p.line, cur.seq));
                }
                if (st.prefix != null) {
                    cur.body.append(st.prefix);
                }
                kinds[i] = SegmentKind.PARAGRAPH;
                groups[i] = cur.group;
                cur.addText(st.textStart, p.end);
                cur.end = trimEnd(p);
                afterParagraphLine(p, c, cur);
                continue;
            }
            // heading?
            if (isHeadingCandidate(c, i, from, !blanks.isEmpty() || cur == null || heading != null || wasBreak)
                    && headingFollowedByParagraph(i, to, lastNumber)) {
                flushBlanks(blanks, cur, SegmentKind.BLANK);
                kinds[i] = SegmentKind.HEADING;
                if (!isRule(c)) {
                    if (heading == null) {
                        heading = new StringBuilder();
                    } else {
                        heading.append(' ');
                    }
                    heading.append(c);
                }
                if (headingStart < 0) {
                    headingStart = p.cstart;
                    headingFirst = i;
                }
                continue;
            }
            // continuation of the current paragraph, or a new unnumbered one; after a bullet or a heading with its own
            // mark, another bullet or item, or text after a blank line, is a portion of its own without a mark (it
            // inherits the cable's marking, not the mark of the bullet or heading above it)
            boolean bulletLine = cur != null && cur.bullet && isBulletLine(c);
            boolean split = cur != null && (cur.bullet || cur.headingLike);
            // after a lettered item with its own mark, the next letter without a mark ("B. (C) ..." then "C. ...") is
            // the parent paragraph's item, not the text of the marked one: a portion of its own, without a mark
            int nextItem = cur != null && cur.sub != null && cur.marking != null ? nextItemLabel(c, cur.sub) : 0;
            boolean newBlock = cur == null || heading != null || headingStart >= 0
                    || cur.number == null && cur.sub == null && !blanks.isEmpty()
                    || split && (bulletLine || !blanks.isEmpty() && !wasBreak
                    || cur.headingLike && startsWithLabel(p, c))
                    || nextItem > 0;
            if (newBlock) {
                Integer parent = (split || nextItem > 0) && heading == null && headingStart < 0 ? cur.number : null;
                String sub = nextItem > 0 ? nextLetter(cur.sub) : null;
                flushBlanks(blanks, cur, SegmentKind.BLANK);
                if (cur != null) {
                    paragraphs.add(cur.toParagraph());
                }
                String h = heading != null ? heading.toString() : null;
                int start = headingStart >= 0 ? headingStart : p.cstart;
                Marking mk = null;
                int ts = p.cstart + nextItem;
                Matcher mm = MARK.matcher(text).region(ts, p.cend);
                if (mm.lookingAt()) {
                    Optional<Marking> pm = portion(mm.group());
                    if (pm.isPresent()) {
                        mk = pm.get();
                        ts = mm.end();
                    }
                }
                cur = new Para(paragraphs.size() + 1, parent, sub, h, mk, start, group++);
                cur.bullet = bulletLine;
                heading = null;
                headingStart = -1;
                kinds[i] = SegmentKind.PARAGRAPH;
                groups[i] = cur.group;
                cur.addText(ts, p.end);
                cur.end = trimEnd(p);
                afterParagraphLine(p, c, cur);
                continue;
            }
            flushBlanks(blanks, cur, SegmentKind.PARAGRAPH);
            kinds[i] = SegmentKind.PARAGRAPH;
            groups[i] = cur.group;
            cur.headingLike = false;
            cur.addText(p.start, p.end);
            cur.end = trimEnd(p);
            afterParagraphLine(p, c, cur);
        }
        flushBlanks(blanks, null, SegmentKind.BLANK);
        if (cur != null) {
            paragraphs.add(cur.toParagraph());
        }
        if (heading != null && headingFirst >= 0) {
            // a dangling heading with nothing after it: keep it as a heading segment only
            headingFirst = -1;
        }
    }

    private void afterParagraphLine(Piece p, String c, Para cur) {
        if (c.indexOf("ENTIRE") >= 0 || c.indexOf("entire") >= 0) {
            readEntireTextIn(p.cstart, p.cend);
        }
        if (!cabSeen && (c.indexOf("LASSIFIED BY") >= 0 || c.indexOf("lassified by") >= 0
                || c.indexOf("lassified By") >= 0)) {
            Matcher m = CAB_MID.matcher(c);
            Matcher m2 = CAB_START.matcher(c);
            int at = m.find() ? m.start() : (m2.find() ? m2.start() : -1);
            if (at >= 0) {
                cabSeen = true;
                cabText.append(c.substring(at));
                // the reason may be on the next line
                int idx = pieces.indexOf(p);
                if (idx >= 0 && idx + 1 < pieces.size() && !pieces.get(idx + 1).blank()
                        && Classifiers.continues(cabText, pieces.get(idx + 1).content(text))) {
                    cabText.append('\n').append(pieces.get(idx + 1).content(text));
                }
            }
        }
        if (!sbuStatement && (c.startsWith("SENSITIVE BUT UNCLASSIFIED") || c.contains("Sensitive but unclassified")
                || c.contains("SENSITIVE BUT UNCLASSIFIED"))) {
            sbuStatement = true;
        }
    }

    /** The blank lines waiting for the line after them to tell whose they are: piece indexes, without boxing. */
    private static final class Blanks {
        private int[] at = new int[16];
        private int size;

        void add(int i) {
            if (size == at.length) {
                at = java.util.Arrays.copyOf(at, size * 2);
            }
            at[size++] = i;
        }

        boolean isEmpty() {
            return size == 0;
        }

        void clear() {
            size = 0;
        }
    }

    private void flushBlanks(Blanks blanks, Para cur, SegmentKind kind) {
        for (int k = 0; k < blanks.size; k++) {
            int b = blanks.at[k];
            kinds[b] = kind;
            if (kind == SegmentKind.PARAGRAPH && cur != null) {
                groups[b] = cur.group;
                Piece bp = pieces.get(b);
                if (!cur.afterBreak) {
                    cur.addText(bp.start, bp.end);
                }
            }
        }
        blanks.clear();
    }

    /** The level of a class word ("S E C R E T", "UNCLAS EFTO", ...); disagreements are the validator's (R-LVL-3). */
    private static ClassificationLevel levelOf(String word) {
        String norm = withoutSpaces(word).toUpperCase(Locale.ROOT);
        if (norm.startsWith("SSECRET")) {
            norm = norm.substring(1);
        }
        return norm.startsWith("TOPSECRET") ? ClassificationLevel.TOP_SECRET
                : norm.startsWith("SECRET") ? ClassificationLevel.SECRET
                : norm.startsWith("CONFIDENTIAL") ? ClassificationLevel.CONFIDENTIAL : ClassificationLevel.UNCLASSIFIED;
    }

    private static int sectionNo(Matcher m) {
        try {
            return m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private record Start(Integer number, String sub, Marking marking, int textStart, boolean malformed,
                         String prefix, boolean bullet) {
        Start(Integer number, String sub, Marking marking, int textStart, boolean malformed, String prefix) {
            this(number, sub, marking, textStart, malformed, prefix, false);
        }
    }

    private Start paragraphStart(Piece p, int lastNumber, boolean afterBlank) {
        int s = p.cstart;
        char c0 = text.charAt(s);
        if (c0 == '¶' || c0 >= '0' && c0 <= '9') {
            Matcher m = mt(NUMBERED).region(s, p.cend);
            if (m.lookingAt()) {
                int num = parseInt(m.group(2));
                int after = m.end();
                Marking mk = null;
                boolean malformed = false;
                int ts = after;
                String prefix = null;
                Matcher pm = mt(MARK).region(after, p.cend);
                if (pm.lookingAt()) {
                    Optional<Marking> o = portion(pm.group());
                    if (o.isPresent()) {
                        mk = o.get();
                        ts = pm.end();
                    }
                }
                if (mk == null) {
                    Matcher mf = mt(MARK_MALFORMED).region(after, p.cend);
                    if (mf.lookingAt()) {
                        mk = portion("(" + mf.group(1) + ")").orElse(null);
                        malformed = mk != null;
                        ts = mf.end();
                    }
                }
                if (mk == null) {
                    Matcher lm = mt(LABEL_MARK).region(after, p.cend);
                    if (lm.lookingAt()) {
                        Optional<Marking> o = portion("(" + lm.group(2) + ")");
                        if (o.isPresent()) {
                            mk = o.get();
                            prefix = lm.group(1);
                            ts = lm.end();
                        }
                    }
                }
                boolean inSequence = num > lastNumber && num <= lastNumber + 3
                        || lastNumber == 0 && num <= 5;
                if (mk != null && (num > 0 && num < 200) || inSequence && (afterBlank || m.group(1) != null
                        || num == lastNumber + 1)) {
                    if (mk != null && !inSequence && num != lastNumber + 1) {
                        // marked but out of sequence: still a paragraph
                    }
                    return new Start(num, null, mk, ts, malformed, prefix);
                }
                return null;
            }
            // "6, (SBU) ...": the next paragraph, its number written with a comma
            int d = c0 == '¶' ? s + 1 : s;
            while (d < p.cend && d - s < 4 && text.charAt(d) >= '0' && text.charAt(d) <= '9') {
                d++;
            }
            Matcher nc = d < p.cend && text.charAt(d) == ',' ? mt(NUMBERED_COMMA).region(s, p.cend) : null;
            if (nc != null && nc.lookingAt() && parseInt(nc.group(2)) == lastNumber + 1) {
                Matcher pm = mt(MARK).region(nc.end(), p.cend);
                if (pm.lookingAt()) {
                    Optional<Marking> o = portion(pm.group());
                    if (o.isPresent()) {
                        return new Start(lastNumber + 1, null, o.get(), pm.end(), false, null);
                    }
                }
            }
        }
        // a lettered sub-paragraph, or a heading, with its own mark: "A. (C) ...", "II. (S) Regional issues",
        // "(6) (S) Heading"; a portion with that mark even before paragraph 1, never an unmarked heading
        if (c0 == '¶' || c0 == '(' || subLabelAhead(c0, s, p.cend)) {
            Matcher m = mt(SUB_LABEL).region(s, p.cend);
            if (m.lookingAt()) {
                Matcher pm = mt(MARK).region(m.end(), p.cend);
                if (pm.lookingAt()) {
                    Optional<Marking> o = portion(pm.group());
                    if (o.isPresent()) {
                        String label = (m.group(1) != null ? m.group(1) : m.group(2)).toUpperCase(Locale.ROOT);
                        return new Start(null, label, o.get(), pm.end(), false, null);
                    }
                }
            }
        }
        // a bullet with its own mark, "-- (S//NF) ...": a portion of its own, inside or below its paragraph
        if ((c0 == '-' || c0 == '*' || c0 == '\u2022') && markAfterBullet(s, p.cend)) {
            Matcher b = mt(BULLET).region(s, p.cend);
            if (b.lookingAt()) {
                Matcher pm = mt(MARK).region(b.end(), p.cend);
                if (pm.lookingAt()) {
                    Optional<Marking> o = portion(pm.group());
                    if (o.isPresent()) {
                        return new Start(null, null, o.get(), pm.end(), false, null, true);
                    }
                }
            }
        }
        // an unnumbered paragraph opening with its own mark, after a blank line
        if (c0 == '(' && afterBlank) {
            Matcher pm = mt(MARK).region(s, p.cend);
            if (pm.lookingAt()) {
                Optional<Marking> o = portion(pm.group());
                if (o.isPresent()) {
                    return new Start(null, null, o.get(), pm.end(), false, null);
                }
            }
        }
        return null;
    }

    /** A cheap look before {@link #BULLET}: after the dashes and spaces comes "(". */
    private boolean markAfterBullet(int s, int e) {
        int k = s + 1;
        while (k < e && k - s < 8 && (text.charAt(k) == '-' || Lines.isWs(text.charAt(k)))) {
            k++;
        }
        return k < e && text.charAt(k) == '(';
    }

    /** A cheap look before {@link #SUB_LABEL}: a letter then "." or ")", or a roman numeral's first letter. */
    private boolean subLabelAhead(char c0, int s, int e) {
        if (!(c0 >= 'A' && c0 <= 'Z' || c0 >= 'a' && c0 <= 'z') || s + 1 >= e) {
            return false;
        }
        char c1 = text.charAt(s + 1);
        return c1 == '.' || c1 == ')' || "IVXivx".indexOf(c0) >= 0 && "IVXivx".indexOf(c1) >= 0;
    }

    /** Heading-shaped text on [s, e): short, and no sentence end ("Regional Issues", "Key points:"). */
    private boolean looksLikeHeading(int s, int e) {
        if (e <= s || e - s > 80) {
            return false;
        }
        char last = text.charAt(e - 1);
        return last != '.' && last != ',' && last != ';';
    }

    /** A line opening with an item label or a bullet: "A. ...", "¶B. ...", "ii. ...", "(c) ...", "3. ...", "-- ...". */
    /**
     * The length of the label ("C. ", "C) ", "(c) ") when the line starts with the letter after {@code sub}, in the
     * same case; else 0.
     */
    static int nextItemLabel(String c, String sub) {
        String next = nextLetter(sub);
        if (next == null || c.length() < 3) {
            return 0;
        }
        char n = next.charAt(0);
        int end;
        if (c.charAt(0) == n && (c.charAt(1) == '.' || c.charAt(1) == ')')) {
            end = 2;
        } else if (c.length() > 3 && c.charAt(0) == '(' && c.charAt(1) == n && c.charAt(2) == ')') {
            end = 3;
        } else {
            return 0;
        }
        if (!Character.isWhitespace(c.charAt(end))) {
            return 0;
        }
        while (end < c.length() && Character.isWhitespace(c.charAt(end))) {
            end++;
        }
        return end;
    }

    /** "B" after "A", "c" after "b"; null after Z, z or a label that is not one letter. */
    private static String nextLetter(String sub) {
        if (sub == null || sub.length() != 1) {
            return null;
        }
        char ch = sub.charAt(0);
        return ch >= 'A' && ch < 'Z' || ch >= 'a' && ch < 'z' ? String.valueOf((char) (ch + 1)) : null;
    }

    private boolean startsWithLabel(Piece p, String c) {
        char c0 = c.charAt(0);
        return c0 == '¶' || isBulletLine(c) || (c0 == '(' || c0 >= '0' && c0 <= '9' || subLabelAhead(c0, p.cstart, p.cend))
                && (mt(SUB_LABEL).region(p.cstart, p.cend).lookingAt() || mt(NUMBERED).region(p.cstart, p.cend)
                .lookingAt());
    }

    /** The piece is Classified By, or a header line that ends in it ("...RIVER TRAFFICClassified By: ..."). */
    private boolean endsInCab(int j) {
        if (kinds[j] == SegmentKind.CAB) {
            return true;
        }
        List<int[]> sp = spans[j];
        return sp != null && !sp.isEmpty() && sp.get(sp.size() - 1)[0] == SegmentKind.CAB.ordinal();
    }

    /** A bullet line, "-- text" or "- (C) text", but not a rule. */
    private static boolean isBulletLine(String c) {
        char f = c.charAt(0);
        return (f == '-' || f == '*' || f == '\u2022') && !isRule(c) && BULLET_LINE.matcher(c).lookingAt();
    }

    /** The Classified By text read so far stops inside its reason: "for reasons", "1.4", "1.4 (b),", "1.4 (b) (". */
    private boolean cabOpen() {
        String t = cabText.toString().stripTrailing();
        if (t.isEmpty()) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        if (",(/&+:".indexOf(last) >= 0 || last >= '0' && last <= '9') {
            return true;
        }
        String tail = t.substring(Math.max(0, t.length() - 4)).toLowerCase(Locale.ROOT);
        return tail.endsWith(" and") || tail.endsWith(" or") || tail.endsWith(" a")
                || Classifiers.read(t).reasons().isEmpty();
    }

    private int trimEnd(Piece p) {
        int e = p.cend;
        while (e > p.cstart && Lines.isWs(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    private static boolean isRule(String c) {
        if (c.length() < 3) {
            return false;
        }
        char f = c.charAt(0);
        if (f != '-' && f != '=' && f != '_' && f != '*' && f != '~' && f != ' ') {
            return false;
        }
        // RULE_LINE, \s*[-=_*~ ]{3,}\s*, without the pattern: the rule marks form one run in which only spaces
        // stand; white space may come before and after it; the run, with the spaces next to it, is 3 long or more
        int n = c.length();
        int first = -1;
        int last = -1;
        for (int k = 0; k < n; k++) {
            char ch = c.charAt(k);
            if (isRuleMark(ch)) {
                if (first < 0) {
                    first = k;
                }
                last = k;
            } else if (!isRegexSpace(ch)) {
                return false;
            }
        }
        if (first < 0) {
            // white space only: three spaces in a row are the rule
            return c.contains("   ");
        }
        for (int k = first + 1; k < last; k++) {
            if (!isRuleMark(c.charAt(k)) && c.charAt(k) != ' ') {
                return false;
            }
        }
        int lo = first;
        while (lo > 0 && c.charAt(lo - 1) == ' ') {
            lo--;
        }
        int hi = last + 1;
        while (hi < n && c.charAt(hi) == ' ') {
            hi++;
        }
        return hi - lo >= 3;
    }

    /** {@link #CLASS_ONLY} matches the whole of {@code c}; tried only when c's first word can be a class word. */
    private static boolean classOnly(String c) {
        int k = 0;
        while (k < c.length() && isRegexSpace(c.charAt(k))) {
            k++;
        }
        if (k >= c.length() || "TtSsCcUuLl".indexOf(c.charAt(k)) < 0) {
            return false;
        }
        return CLASS_ONLY.matcher(c).matches();
    }

    private static boolean isRuleMark(char ch) {
        return ch == '-' || ch == '=' || ch == '_' || ch == '*' || ch == '~';
    }

    private static boolean isStamp(String c) {
        return c.indexOf("eclassified/") >= 0 && STAMP.matcher(c).matches();
    }

    private static boolean isStamp2(String c) {
        return c.indexOf("ystematic") >= 0 && STAMP2.matcher(c).matches();
    }

    private boolean isHeadingCandidate(String c, int i, int from, boolean afterBlank) {
        if (isRule(c)) {
            return afterBlank || i > from && kinds[i - 1] == SegmentKind.HEADING;
        }
        if (!afterBlank || c.length() > 80 || c.length() < 3) {
            return false;
        }
        char last = c.charAt(c.length() - 1);
        if (last == '.' || last == ',' || last == ';' || last == '"' && c.length() > 60) {
            return false;
        }
        char first = c.charAt(0);
        if (!Character.isUpperCase(first) && !Character.isDigit(first) && first != '\'' && first != '"') {
            return false;
        }
        String u = c.toUpperCase(Locale.ROOT);
        if (u.startsWith("END ") || u.startsWith("BEGIN ") || u.startsWith("--")) {
            return false;
        }
        // title case or capitals: most longer words start with a capital
        int words = 0;
        int caps = 0;
        // the words between runs of white space ("\\s+")
        int n = c.length();
        int k = 0;
        while (k < n) {
            while (k < n && isRegexSpace(c.charAt(k))) {
                k++;
            }
            int ws = k;
            while (k < n && !isRegexSpace(c.charAt(k))) {
                k++;
            }
            if (k - ws > 3) {
                words++;
                if (Character.isUpperCase(c.charAt(ws)) || !Character.isLetter(c.charAt(ws))) {
                    caps++;
                }
            }
        }
        return words == 0 || caps * 2 >= words;
    }

    /** A character of the regex class {@code \\s}: ASCII white space. */
    private static boolean isRegexSpace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\u000b' || ch == '\f' || ch == '\r';
    }

    /** {@code s} without its {@code \\s} characters (as {@code s.replaceAll("\\s+", "")}). */
    private static String withoutSpaces(String s) {
        StringBuilder sb = null;
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            if (isRegexSpace(ch)) {
                if (sb == null) {
                    sb = new StringBuilder(s.length()).append(s, 0, k);
                }
            } else if (sb != null) {
                sb.append(ch);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** {@code s} with each run of {@code \\s} characters made one space (as {@code s.replaceAll("\\s+", " ")}). */
    private static String spacesCollapsed(String s) {
        StringBuilder sb = null;
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            boolean space = isRegexSpace(ch);
            if (sb == null) {
                if (space && (ch != ' ' || k + 1 < s.length() && isRegexSpace(s.charAt(k + 1)))) {
                    sb = new StringBuilder(s.length()).append(s, 0, k).append(' ');
                }
            } else if (!space) {
                sb.append(ch);
            } else if (!isRegexSpace(s.charAt(k - 1))) {
                sb.append(' ');
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** A serial without its leading zeros, a last digit kept (as {@code s.replaceFirst("^0+(?=\\d)", "")}). */
    private static String withoutLeadingZeros(String s) {
        int k = 0;
        while (k + 1 < s.length() && s.charAt(k) == '0' && s.charAt(k + 1) >= '0' && s.charAt(k + 1) <= '9') {
            k++;
        }
        return s.substring(k);
    }

    /** {@code s} is {@code min} or more X's: a redaction (as {@code s.matches("X{min,}")}). */
    private static boolean allX(String s, int min) {
        if (s.length() < min) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) != 'X') {
                return false;
            }
        }
        return true;
    }

    /** Every word of {@code s} (words between runs of {@code \\s}, as {@code split("\\s+")}) is one letter long. */
    private static boolean singleLetterWords(String s) {
        if (s.isEmpty()) {
            // split gives one empty word
            return false;
        }
        if (isRegexSpace(s.charAt(0))) {
            // split gives an empty word first, or no word at all when s is white space only
            return withoutSpaces(s).isEmpty();
        }
        int run = 0;
        for (int k = 0; k < s.length(); k++) {
            if (isRegexSpace(s.charAt(k))) {
                if (run > 1) {
                    return false;
                }
                run = 0;
            } else {
                run++;
            }
        }
        return run <= 1;
    }

    /** A heading is a heading when a paragraph start (or an underline) follows it. */
    private boolean headingFollowedByParagraph(int i, int to, int lastNumber) {
        boolean textSeen = !isRule(pieces.get(i).content(text));
        for (int j = i + 1; j < to && j < i + 8; j++) {
            Piece q = pieces.get(j);
            if (q.blank() || q.pageBreak) {
                continue;
            }
            String c = q.content(text);
            if (isRule(c)) {
                if (textSeen) {
                    return true;
                }
                continue;
            }
            if (paragraphStart(q, lastNumber, true) != null) {
                return true;
            }
            if (textSeen || c.length() > 80) {
                return false;
            }
            textSeen = true;
        }
        return false;
    }

    /** Portion marks already read: a cable repeats a handful of marks ("(C) ", "(SBU) ") many times. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Optional<Marking>> PORTIONS =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Bounds {@link #PORTIONS}: past it, marks are read without being kept. */
    private static final int MAX_PORTIONS = 512;

    /** {@link Marking#parsePortion}, remembered: the result depends on the mark's text alone. */
    private static Optional<Marking> portion(String mark) {
        Optional<Marking> o = PORTIONS.get(mark);
        if (o == null) {
            o = Marking.parsePortion(mark);
            if (PORTIONS.size() < MAX_PORTIONS) {
                PORTIONS.put(mark, o);
            }
        }
        return o;
    }

    private Marking portionAt(int s, int e) {
        Matcher pm = mt(MARK).region(s, e);
        if (pm.lookingAt()) {
            return portion(pm.group()).orElse(null);
        }
        return null;
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ------------------------------------------------------------------ result

    private ParsedCable build() {
        LocalDate date = cableDate();
        // classification
        ClassificationLevel level = classLevel;
        if (level == null) {
            level = fl4Level;
        }
        if (level == null) {
            level = ClassificationLevel.UNCLASSIFIED;
            for (ParsedParagraph pp : paragraphs) {
                if (pp.marking() != null) {
                    level = ClassificationLevel.max(level, pp.marking().level());
                }
            }
            if (entireText != null) {
                level = ClassificationLevel.max(level, entireText.level());
            }
        }
        List<String> controls = new ArrayList<>();
        if (captions.contains("NOFORN")) {
            controls.add(Marking.NOFORN);
        }
        if (captions.contains("NODIS")) {
            controls.add(Marking.NODIS);
        } else if (captions.contains("EXDIS")) {
            controls.add(Marking.EXDIS);
        }
        if (level == ClassificationLevel.UNCLASSIFIED) {
            boolean sbu = captions.contains("SENSITIVE") || sbuStatement;
            for (ParsedParagraph pp : paragraphs) {
                if (pp.marking() != null && pp.marking().controls().contains(Marking.SBU)) {
                    sbu = true;
                    break;
                }
            }
            if (lou) {
                controls.add(Marking.LOU);
            } else if (sbu) {
                controls.add(Marking.SBU);
            }
        }
        Marking classification = new Marking(level, controls);

        // subject and its own mark
        String subj = subject.length() == 0 ? null : HeaderFields.collapse(subject.toString());
        Marking subjMark = null;
        if (subj != null && subj.startsWith("(")) {
            Matcher m = MARK.matcher(subj);
            if (m.lookingAt()) {
                Optional<Marking> o = portion(m.group());
                if (o.isPresent()) {
                    subjMark = o.get();
                    subj = subj.substring(m.end()).trim();
                }
            }
        }
        if (subj != null && subj.isEmpty()) {
            subj = null;
        }
        // CAB
        List<ClassifiedBy> who = List.of();
        List<String> reasons = List.of();
        if (cabText.length() > 0) {
            Classifiers.Read cab = Classifiers.read(cabText.toString());
            who = cab.who();
            reasons = cab.reasons();
        }
        // E.O.
        Declassification d = decl;
        if (d == null) {
            d = Declassification.unknown();
            findings.add(Finding.atLine("P-NO-EO-LINE", Severity.WARNING, "no E.O. line found", null));
        } else if (d.kind() == DeclassificationKind.DATE && d.raw() != null && cableDate() != null
                && !cableDate().equals(eoDate)) {
            // re-read a 2-digit year now that the cable date is known (hints may carry it)
            Declassification again = HeaderFields.readEo(d.order(), d.raw(), cableDate());
            if (again.kind() == DeclassificationKind.DATE) {
                d = again;
            }
        }
        if (!tagsSeen) {
            findings.add(Finding.atLine("P-NO-TAGS", Severity.WARNING, "no TAGS line found", null));
        }
        if (subj == null) {
            findings.add(Finding.atLine("P-NO-SUBJECT", Severity.WARNING, "no SUBJECT found", null));
        }
        List<String> tags = new ArrayList<>(Tags.read(tagsText));
        if (tags.remove("SIPDIS")) {
            captions.add("SIPDIS");
        }
        // reference
        String reference = hints.reference();
        if (reference == null) {
            Integer year = null;
            if (date != null) {
                year = date.getYear();
            } else if (d.date() != null) {
                year = d.date().getYear() - 10;
                findings.add(Finding.atLine("P-YEAR-INFERRED", Severity.INFO,
                        "cable year inferred from the DECL date minus ten years", eoLine > 0 ? eoLine : null));
            }
            String idOrigin = origin;
            String idSerial = serial;
            boolean redactedPost = origin != null && allX(origin, 3);
            String routingPost = origin == null || redactedPost ? Origins.ofAddress(fmAddress) : null;
            if (routingPost != null && (serial != null || stationSerial != null)) {
                idOrigin = routingPost;
                if (serial == null) {
                    idSerial = stationSerial;
                    findings.add(Finding.atLine("P-REFERENCE-FROM-ROUTING", Severity.WARNING,
                            "no class line: reference id read from the routing header (post of the FM line, serial of"
                                    + " the DE line, which carries only a serial's last four digits)", null));
                } else {
                    findings.add(Finding.atLine("P-REFERENCE-FROM-ROUTING", Severity.INFO,
                            "the class line's post is redacted: reference id read with the post of the FM line",
                            null));
                }
                if (origin == null) {
                    origin = routingPost;
                }
            }
            if (idOrigin == null || idSerial == null || allX(idOrigin, 3)) {
                findings.add(Finding.atLine("P-NO-REFERENCE", Severity.WARNING,
                        "reference id unknown: origin or serial missing or redacted", null));
            } else if (year == null) {
                findings.add(Finding.atLine("P-NO-REFERENCE", Severity.WARNING,
                        "reference id unknown: no cable year", null));
            } else {
                reference = org.declass.cableid.CableIds.of(year, idOrigin, idSerial);
            }
        }
        Finding mixed = IdentityCheck.check(text, pieces, classLines, stationSerial, origin, serial);
        if (mixed != null) {
            findings.add(mixed);
        }
        List<Reference> refs = refText.length() == 0 ? List.of()
                : References.read(refText.toString(), date != null ? Integer.valueOf(date.getYear())
                        : yearOf(reference));
        List<Segment> segs = segments();
        Integer cabLine = null;
        for (Segment sg : segs) {
            if (sg.kind() == SegmentKind.CAB) {
                cabLine = lineAt(sg.start());
                break;
            }
        }
        List<Integer> paragraphLines = new ArrayList<>(paragraphs.size());
        for (ParsedParagraph pp : paragraphs) {
            paragraphLines.add(lineAt(pp.start()));
        }
        MarkingFacts facts = new MarkingFacts(classLines, bottomClass, fl4Level,
                dtgDate == null ? null : dtgDate.getYear(), stationSerial, eoLine > 0 ? eoLine : null, cabLine,
                cabSeen, paragraphLines);
        return new ParsedCable(reference, origin, serial, date, partial, classification, classification.banner(),
                sections, List.copyOf(captions), d, List.copyOf(tags), subj, subjMark, refs, who, reasons, entireText,
                List.copyOf(paragraphs), List.copyOf(findings), segs, facts, Tags.kinds(tags),
                List.copyOf(signers), List.copyOf(recipients), List.copyOf(infoRecipients));
    }

    /** The two-digit year a reference id starts with, or null. */
    private static Integer yearOf(String reference) {
        if (reference == null || reference.length() < 3 || !Character.isDigit(reference.charAt(0))
                || !Character.isDigit(reference.charAt(1)) || Character.isDigit(reference.charAt(2))) {
            return null;
        }
        return (reference.charAt(0) - '0') * 10 + (reference.charAt(1) - '0');
    }

    /** The 1-based line holding this offset. */
    private int lineAt(int offset) {
        int lo = 0;
        int hi = pieces.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (pieces.get(mid).start <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return pieces.isEmpty() ? 1 : pieces.get(lo).line;
    }

    private List<Segment> segments() {
        SegmentBuilder b = new SegmentBuilder();
        SegmentKind[] all = SegmentKind.values();
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            if (spans[i] != null) {
                int pos = p.start;
                for (int[] s : spans[i]) {
                    int st = Math.max(s[1], pos);
                    int en = Math.min(Math.max(s[2], st), p.end);
                    if (st > pos) {
                        b.add(SegmentKind.OTHER, pos, st, -1);
                    }
                    b.add(all[s[0]], st, en, 0);
                    pos = en;
                }
                if (pos < p.end) {
                    b.add(all[spans[i].get(spans[i].size() - 1)[0]], pos, p.end, 0);
                }
                continue;
            }
            SegmentKind k = kinds[i] == null ? (p.blank() ? SegmentKind.BLANK : SegmentKind.OTHER) : kinds[i];
            b.add(k, p.start, p.end, k == SegmentKind.PARAGRAPH ? groups[i] : 0);
        }
        return b.finish(text.length());
    }
}
