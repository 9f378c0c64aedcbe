package org.declass.ingest.generate;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.declass.ingest.generate.CorpusProfile.Header;
import org.declass.ingest.generate.CorpusProfile.Kind;
import org.declass.ingest.generate.CorpusProfile.Origin;

/**
 * Writes invented cables in the real format with the collection's distributions (see {@link CorpusProfile}).
 * Deterministic: one {@link SplittableRandom} seeded once, drawn in a fixed order, so the same seed gives the same
 * cables byte for byte. All prose comes from an invented vocabulary; no real cable text is used. Not thread-safe:
 * one generator per thread.
 */
public final class CableGenerator {

    /** One generated cable and what the generator meant it to be. */
    public record Generated(String reference, LocalDate date, String origin, Kind kind, Header header,
                            String declKind, String text, String csvOrigin, String references, int headerEnd) {
        public String banner() {
            return kind.banner;
        }
    }

    private static final String[] FUNCTION_WORDS = {"the", "of", "and", "to", "in", "on", "with", "for", "that",
            "by", "from", "as", "at", "its", "their", "this", "would", "will", "has", "had", "not", "but", "also",
            "over", "under", "after", "before", "between", "said", "noted", "stressed", "agreed", "asked",
            "told", "government", "minister", "officials", "embassy", "talks", "plan", "reform", "election",
            "party", "council", "budget", "security", "trade", "border", "meeting", "support", "week", "month"};
    private static final String[] SYLLABLES = {"ba", "ka", "lo", "mir", "tan", "vel", "dor", "sen", "qua", "ri",
            "zu", "pol", "ek", "nar", "thi", "gor", "ul", "vas", "mo", "dre", "shi", "pa", "kor", "len", "ta",
            "bri", "om", "sal", "fen", "yu", "gra", "tov", "ne", "cas", "rum", "zi", "hal", "wen", "du", "sko"};
    private static final String[] TAG_SUBJECTS = {"PGOV", "PREL", "ECON", "PTER", "MARR", "PINR", "ETRD", "EFIN",
            "PHUM", "KDEM", "SNAR", "ENRG", "EAID", "KCRM", "PINS", "ASEC", "CASC", "KPAO", "OVIP", "SOCI",
            "EINV", "ELAB", "KNNP", "MOPS", "PARM", "TBIO", "SENV", "KJUS", "CVIS", "KWMN"};
    private static final String[] GEO_TAGS = {"TU", "IZ", "JA", "JO", "FR", "KU", "SP", "RS", "CH", "EG", "AF",
            "PK", "IS", "BR", "GM", "IT", "UK", "KS", "AR", "MX", "IN", "SA", "LE", "SY", "YM", "LY", "TS", "MO",
            "AG", "SU", "ET", "KE", "UG", "TZ", "SF", "ZI", "NI", "GH", "IV", "SG", "EUN", "XF", "XA", "XL"};
    private static final String[] TITLES = {"Ambassador", "Deputy Chief of Mission", "Political Counselor",
            "Economic Counselor", "Charge d'Affaires", "Consul General", "Principal Officer", "Acting DCM"};
    private static final String[] EVENTS = {"UPON CLOSURE OF TALKS", "AFTER CONCLUSION OF NEGOTIATIONS",
            "UPON RELEASE OF THE REPORT"};
    private static final String[] HEADINGS = {"BACKGROUND", "COMMENT", "NEXT STEPS", "SUMMARY", "ANALYSIS",
            "OUTLOOK", "CONTEXT"};

    private final SplittableRandom random;
    private final String[] vocabulary;
    private final String[] surnames;
    private final List<Origin> origins = CorpusProfile.origins();
    private final int[] kindCum;
    private final int[] yearCum;
    private final int[] originCum;
    private final int[] headerCum;
    private final Map<String, Integer> nextSerial = new HashMap<>();

    private final int serialBase;

    public CableGenerator(long seed) {
        this.random = new SplittableRandom(seed);
        this.serialBase = (int) Math.floorMod(seed, 97L) * 1_000;
        SplittableRandom words = new SplittableRandom(0x5EED_DEC1A55L);
        this.vocabulary = new String[4000];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = inventWord(words, 2 + words.nextInt(2));
        }
        this.surnames = new String[600];
        for (int i = 0; i < surnames.length; i++) {
            String s = inventWord(words, 2 + words.nextInt(2));
            surnames[i] = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
        this.kindCum = CorpusProfile.cumulative(java.util.Arrays.stream(Kind.values()).mapToInt(k -> k.count).toArray());
        this.yearCum = CorpusProfile.cumulative(java.util.Arrays.stream(CorpusProfile.YEARS).mapToInt(y -> y[1]).toArray());
        this.originCum = CorpusProfile.cumulative(origins.stream().mapToInt(Origin::weight).toArray());
        this.headerCum = CorpusProfile.cumulative(java.util.Arrays.stream(Header.values()).mapToInt(h -> h.count).toArray());
    }

    private static String inventWord(SplittableRandom r, int syllables) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            sb.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
        }
        return sb.toString();
    }

    /** The invented vocabulary (the same for every seed): for tests and benchmark queries. */
    public String word(int i) {
        return vocabulary[i % vocabulary.length];
    }

    public Generated next() {
        Kind kind = Kind.values()[CorpusProfile.pick(random, kindCum)];
        int year = CorpusProfile.YEARS[CorpusProfile.pick(random, yearCum)][0];
        Origin origin = origins.get(CorpusProfile.pick(random, originCum));
        Header header = Header.values()[CorpusProfile.pick(random, headerCum)];
        LocalDate date = year == 2010 ? LocalDate.of(2010, 1, 1).plusDays(random.nextInt(59))
                : year == 1966 ? LocalDate.of(1966, 12, 28 + random.nextInt(4))
                : LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
        String yy = String.format(Locale.ROOT, "%02d", year % 100);
        String key = yy + origin.compact();
        boolean state = origin.name().equals("STATE");
        // serials climb per year and post; each seed starts in its own range, so two seeds' corpora can share a database
        int serial = nextSerial.merge(key, serialBase + 1 + random.nextInt(state ? 60 : 12),
                (a, b) -> a + b - serialBase);
        String reference = key + serial;
        return compose(reference, date, origin, serial, kind, header);
    }

    private Generated compose(String reference, LocalDate date, Origin origin, int serial, Kind kind, Header header) {
        StringBuilder sb = new StringBuilder(12_000);
        boolean state = origin.name().equals("STATE");
        int hour = random.nextInt(24);
        int minute = random.nextInt(60);
        String mon = date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT);
        String dtg = String.format(Locale.ROOT, "%02d%02d%02dZ %s %02d", date.getDayOfMonth(), hour, minute, mon,
                date.getYear() % 100);
        String prec = new String[] {"R", "P", "O", "P", "R", "O"}[random.nextInt(6)];
        // body size: lognormal words, median about 850, mean about 1,040
        int words = (int) Math.max(60, Math.min(14_000, Math.exp(Math.log(850) + 0.62 * gaussian())));
        int paragraphs = Math.max(1, Math.min(60, words / (60 + random.nextInt(60)) + 1));
        int sections = words > 2_600 ? 2 + words / 2_600 : 1;
        String plad = state ? "SECSTATE WASHDC" : "AMEMBASSY " + origin.name();
        String lineOrigin = origin.name();
        String sectionPart = sections > 1 ? String.format(Locale.ROOT, " SECTION 01 OF %02d", sections) : "";
        String classWord = classWord(kind);

        switch (header) {
            case ACP127 -> {
                sb.append("VZCZC").append(letters(3)).append(String.format(Locale.ROOT, "%04d", random.nextInt(10_000)))
                        .append('\n');
                sb.append(prec).append(prec).append(" RUEH").append(letters(2)).append(" RUEH").append(letters(2))
                        .append('\n');
                sb.append("DE RUEH").append(letters(2)).append(" #").append(String.format(Locale.ROOT, "%04d",
                        serial % 10_000)).append("/01 ").append(String.format(Locale.ROOT, "%03d%02d%02d",
                        date.getDayOfYear(), hour, minute)).append('\n');
                sb.append(kind.classified() ? "ZNY " : "ZNR ").append(kind.secret() ? "SSSSS" : kind.classified()
                        ? "CCCCC" : "UUUUU").append(" ZZH\n");
                sb.append(prec).append(' ').append(dtg).append('\n');
                sb.append("FM ").append(plad).append('\n');
                if (state) {
                    sb.append("TO RUEH").append(letters(2)).append("/AMEMBASSY ")
                            .append(origins.get(9 + random.nextInt(origins.size() - 9)).name())
                            .append(" PRIORITY ").append(1000 + random.nextInt(9000)).append('\n');
                } else {
                    sb.append("TO RUEHC/SECSTATE WASHDC PRIORITY ").append(1000 + random.nextInt(9000)).append('\n');
                }
                sb.append("INFO RUEH").append(letters(2)).append("/AMEMBASSY ")
                        .append(origins.get(9 + random.nextInt(origins.size() - 9)).name()).append(' ')
                        .append(String.format(Locale.ROOT, "%04d", random.nextInt(10_000))).append("\n\n");
            }
            case ACP126 -> {
                String ol = lineOrigin.replace(" ", "");
                String page6 = ol.length() > 6 ? ol.substring(0, 6) : ol;
                sb.append("                           ").append(plainClass(kind)).append("     PTQ")
                        .append(String.format(Locale.ROOT, "%04d", random.nextInt(10_000))).append('\n');
                sb.append(String.format(Locale.ROOT, "PAGE 01        %s  %05d  01 OF %02d  %02d%02d%02dZ\n",
                        page6, serial % 100_000, sections, date.getDayOfMonth(), hour, minute));
                sb.append("ACTION ").append(new String[] {"SS-00", "EUR-00", "NEA-00", "AF-00"}[random.nextInt(4)])
                        .append('\n');
                sb.append("INFO  LOG-00   NP-00   INR-00   /00").append(random.nextInt(10)).append("W\n");
                sb.append("                  ------------------").append(letters(2)).append(random.nextInt(100))
                        .append("  ").append(String.format(Locale.ROOT, "%02d%02d%02dZ", date.getDayOfMonth(), hour,
                                minute)).append(" /38\n");
                sb.append(prec).append(' ').append(dtg).append('\n');
                sb.append("FM ").append(plad).append('\n');
                sb.append(state ? "TO ALL DIPLOMATIC POSTS PRIORITY\n" : "TO SECSTATE WASHDC PRIORITY "
                        + (1000 + random.nextInt(9000)) + "\n");
                sb.append('\n');
            }
            case PARTIAL -> sb.append("This record is a partial extract of the original cable. The full text of the"
                    + " original cable is not available.\n\n");
            case OTHER -> { }
        }
        int headerEnd = sb.length();

        // text header
        sb.append(classWord).append(sectionPart).append(' ').append(lineOrigin).append(' ')
                .append(String.format(Locale.ROOT, "%06d", serial)).append(" \n\n");
        List<String> captions = new ArrayList<>();
        if (date.getYear() >= 2006 || random.nextInt(3) > 0) {
            captions.add("SIPDIS");
        }
        if (kind.noforn()) {
            captions.add("NOFORN");
        }
        if (kind == Kind.UNCLASSIFIED_FOUO) {
            captions.add("SENSITIVE");
        }
        for (String c : captions) {
            sb.append(c).append('\n');
        }
        if (!captions.isEmpty()) {
            sb.append('\n');
        }
        if (random.nextInt(3) == 0) {
            sb.append(state ? "FOR " : "STATE FOR ").append(new String[] {"EUR/CE", "NEA/I", "EAP/J", "WHA/BSC",
                    "AF/E", "SCA/A", "INR", "EB/TPP"}[random.nextInt(8)]).append('\n').append('\n');
        }
        String declKind = eoLine(sb, kind, date);
        String country = word(random.nextInt(vocabulary.length)).toUpperCase(Locale.ROOT);
        sb.append("TAGS: ");
        int tags = 2 + random.nextInt(4);
        for (int i = 0; i < tags; i++) {
            sb.append(TAG_SUBJECTS[random.nextInt(TAG_SUBJECTS.length)]).append(' ');
        }
        sb.append(GEO_TAGS[random.nextInt(GEO_TAGS.length)]).append('\n');
        sb.append("SUBJECT: ");
        if (kind.classified() && random.nextInt(8) == 0) {
            sb.append(mark(kind, true)).append(' ');
        }
        sb.append(country).append(": ");
        int subjectWords = 3 + random.nextInt(7);
        for (int i = 0; i < subjectWords; i++) {
            sb.append(i == 0 ? "" : " ").append(contentWord().toUpperCase(Locale.ROOT));
        }
        sb.append("\n\n");
        List<String> refs = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            int n = 1 + random.nextInt(3);
            sb.append("REF: ");
            for (int i = 0; i < n; i++) {
                Origin o = random.nextInt(3) == 0 ? origins.get(0) : origin;
                int ry = Math.max(date.getYear() - random.nextInt(2), 1966);
                int rs = 1 + random.nextInt(state || o.name().equals("STATE") ? 200_000 : 3_000);
                String r = String.format(Locale.ROOT, "%02d %s %d", ry % 100, o.name(), rs);
                refs.add(String.format(Locale.ROOT, "%02d%s%d", ry % 100, o.compact(), rs));
                sb.append(n > 1 ? (char) ('A' + i) + ". " : "").append(r).append(i + 1 < n ? "\n" : "\n\n");
            }
        }
        if (kind.classified()) {
            String name = surnames[random.nextInt(surnames.length)];
            sb.append("Classified By: ").append(Character.toUpperCase(contentWord().charAt(0))).append(". ")
                    .append(name).append(", ").append(TITLES[random.nextInt(TITLES.length)])
                    .append(", for reasons 1.4 (b) and (d).\n\n");
        }
        // body
        boolean pilcrow = random.nextBoolean();
        boolean underMarked = kind.classified() && random.nextInt(50) == 0; // banner above every portion
        boolean overMarked = kind.classified() && !kind.secret() && random.nextInt(200) == 0; // a portion above
        boolean marks = kind.classified() || random.nextInt(2) == 0;
        int perParagraph = Math.max(20, words / paragraphs);
        for (int p = 1; p <= paragraphs; p++) {
            if (p > 2 && random.nextInt(10) == 0) {
                sb.append(HEADINGS[random.nextInt(HEADINGS.length)]).append("\n\n");
            }
            StringBuilder para = new StringBuilder(perParagraph * 8);
            para.append(pilcrow ? "¶" : "").append(p).append(". ");
            if (marks) {
                String m;
                if (!kind.classified()) {
                    m = kind == Kind.UNCLASSIFIED_FOUO ? "(SBU)" : "(U)";
                } else if (underMarked) {
                    m = "(U)";
                } else if (overMarked && p == paragraphs) {
                    m = "(S)";
                } else if (p == 1 || random.nextInt(4) > 0) {
                    m = mark(kind, false);
                } else {
                    m = "(U)";
                }
                para.append(m).append(' ');
            }
            if (p == 1 && paragraphs > 2) {
                para.append("Summary: ");
            }
            sentences(para, perParagraph);
            if (p == 1 && paragraphs > 2) {
                para.append(" End summary.");
            }
            wrap(sb, para);
            sb.append('\n');
        }
        sb.append(surnames[random.nextInt(surnames.length)].toUpperCase(Locale.ROOT)).append('\n');
        String csvOrigin = state ? "Secretary of State" : "Embassy " + titleCase(origin.name());
        return new Generated(reference, date, origin.name(), kind, header, declKind, sb.toString(), csvOrigin,
                String.join(",", refs), headerEnd);
    }

    private String eoLine(StringBuilder sb, Kind kind, LocalDate date) {
        int y = date.getYear();
        String declKind;
        if (y < 1982) {
            sb.append("E.O. 12065: ");
            if (kind.classified()) {
                sb.append("GDS ").append(mdy(date.plusYears(6))).append('\n');
                declKind = "LEGACY";
            } else {
                sb.append("N/A\n");
                declKind = "NOT_APPLICABLE";
            }
            return declKind;
        }
        boolean era12356 = date.isBefore(LocalDate.of(1995, 10, 14));
        sb.append(era12356 ? "E.O. 12356: " : "E.O. 12958: ");
        if (!kind.classified()) {
            sb.append("N/A\n");
            return "NOT_APPLICABLE";
        }
        if (era12356) {
            sb.append("OADR\n");
            return "OADR";
        }
        if (y < 2004 && random.nextInt(3) == 0) {
            sb.append("DECL: 1.6 X").append(1 + random.nextInt(6)).append('\n');
            return "EXEMPTION";
        }
        if (random.nextInt(400) == 0) {
            sb.append("DECL: ").append(EVENTS[random.nextInt(EVENTS.length)]).append('\n');
            return "EVENT";
        }
        if (random.nextInt(500) == 0) {
            sb.append("DECL: MR\n");
            return "EXEMPTION";
        }
        int r = random.nextInt(100);
        int years = r < 80 ? 10 : r < 90 ? 15 : r < 96 ? 20 : 25;
        sb.append("DECL: ").append(mdy(date.plusYears(years))).append('\n');
        return "DATE";
    }

    private static String mdy(LocalDate d) {
        return String.format(Locale.ROOT, "%02d/%02d/%04d", d.getMonthValue(), d.getDayOfMonth(), d.getYear());
    }

    private static String classWord(Kind kind) {
        return switch (kind) {
            case SECRET, SECRET_NOFORN -> "S E C R E T";
            case CONFIDENTIAL, CONFIDENTIAL_NOFORN -> "C O N F I D E N T I A L";
            default -> "UNCLAS";
        };
    }

    private static String plainClass(Kind kind) {
        return kind.secret() ? "SECRET" : kind.classified() ? "CONFIDENTIAL" : "UNCLASSIFIED";
    }

    private String mark(Kind kind, boolean subject) {
        String level = kind.secret() ? "S" : "C";
        if (kind.noforn() && (subject || random.nextInt(3) > 0)) {
            return "(" + level + "/NF)";
        }
        return "(" + level + ")";
    }

    private String letters(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('A' + random.nextInt(26)));
        }
        return sb.toString();
    }

    private String contentWord() {
        // a Zipf-ish pick so that some invented words are common and most are rare
        double u = random.nextDouble();
        return vocabulary[(int) (vocabulary.length * u * u * u)];
    }

    /** Titles that stand before a person's name in the prose (the cables' own way of naming people). */
    private static final String[] PERSON_TITLES = {"Minister", "Deputy Minister", "Deputy Director", "General",
            "Lieutenant Colonel", "Ambassador", "Governor", "Senator", "President", "Prime Minister", "Mayor",
            "Judge", "Colonel", "Professor", "Dr.", "Mr.", "Ms."};
    private static final String[] VERBS = {"said", "told poloff", "noted", "stressed", "asked", "confirmed",
            "denied", "explained"};

    /**
     * A person as the prose names one: a title, an invented given name and surname, drawn with Zipf-ish weights so
     * that a few people recur in many cables and most in one or two (as in the collection).
     */
    private String person() {
        double u = random.nextDouble();
        return person((int) (surnames.length * u * u));
    }

    /** The {@code who}-th person of the prose (0 the most frequent): for tests and benchmark queries. */
    public String person(int who) {
        who = Math.floorMod(who, surnames.length);
        String given = vocabulary[(who * 7 + 13) % vocabulary.length];
        return PERSON_TITLES[who % PERSON_TITLES.length] + " " + Character.toUpperCase(given.charAt(0))
                + given.substring(1) + " " + surnames[who];
    }

    /** A place: a post's city, weighted as the posts are, so the busy posts' names are the common ones. */
    private String place() {
        String name = origins.get(CorpusProfile.pick(random, originCum)).name();
        return titleCase(name.replace('_', ' '));
    }

    private void sentences(StringBuilder out, int words) {
        int written = 0;
        while (written < words) {
            int len = 8 + random.nextInt(18);
            int kind = random.nextInt(10);
            if (kind < 2) {
                // about one sentence in five names a person, one in ten a place
                String who = person() + " " + VERBS[random.nextInt(VERBS.length)];
                out.append(who).append(" that ");
                written += who.split(" ").length + 1;
            } else if (kind == 2) {
                String where = "In " + place() + ",";
                out.append(where).append(' ');
                written += where.split(" ").length;
            }
            for (int i = 0; i < len; i++) {
                String w = random.nextInt(5) < 2 ? FUNCTION_WORDS[random.nextInt(FUNCTION_WORDS.length)]
                        : contentWord();
                if (i == 0 && kind < 3) {
                    out.append(w);
                } else if (i == 0) {
                    out.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
                } else {
                    out.append(' ').append(w);
                }
                if (i > 2 && i < len - 2 && random.nextInt(12) == 0) {
                    out.append(',');
                }
            }
            out.append(". ");
            written += len;
        }
        out.setLength(out.length() - 1);
    }

    /** Wraps at 65 columns as the dumps do, each line ending in a space or not. */
    private static void wrap(StringBuilder sb, CharSequence para) {
        int start = 0;
        int n = para.length();
        while (start < n) {
            int end = Math.min(n, start + 65);
            if (end < n) {
                int space = lastSpace(para, start, end);
                if (space > start) {
                    end = space;
                }
            }
            sb.append(para, start, end).append('\n');
            start = end;
            while (start < n && para.charAt(start) == ' ') {
                start++;
            }
        }
    }

    private static int lastSpace(CharSequence s, int from, int to) {
        for (int i = to; i > from; i--) {
            if (s.charAt(i) == ' ') {
                return i;
            }
        }
        return -1;
    }

    private double gaussian() {
        // Box-Muller on the seeded stream (SplittableRandom has no nextGaussian on Java 17)
        double u1 = Math.max(1e-12, random.nextDouble());
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static String titleCase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean up = true;
        for (char c : s.toCharArray()) {
            sb.append(up ? c : Character.toLowerCase(c));
            up = c == ' ';
        }
        return sb.toString();
    }
}
