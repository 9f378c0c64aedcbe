package org.declass.ingest.parser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one classifier of a CLASSIFIED BY line ("USEU PolOff Jane Q. Doe", "Jane Doe, DCM, State, EXEC") into the
 * person's name, their title and their office, the way an archivist files them.
 * <p>
 * The name is the run of name-shaped words (capitalised words, initials, particles such as "de", a "Jr." or "III"
 * suffix) at the end of the first comma part, after the last title word. A word is a title word when it is in the
 * title vocabulary, has the shape of a title abbreviation (PolMinCouns, A/DCM; in mixed-case text also DCM, PDAS), or
 * is a misspelling of a long title word (Ambassaor, Counselr). Office codes and posts written before the title
 * (USEU, EUR/RUS, "Embassy Madrid") are the office; the comma parts after the name are the title, then the office.
 */
final class ClassifierNames {

    private ClassifierNames() {
    }

    /** Words of titles: functions, their qualifiers and connectors, and their abbreviations; upper case. */
    private static final Set<String> TITLE = Set.of("AMBASSADOR", "AMB", "AMBASSADOR-AT-LARGE", "CHARGE", "CHARGÉ",
            "D'AFFAIRES", "D’AFFAIRES", "AFFAIRES", "A.I.", "A.I", "CDA", "COM", "DCM", "A/DCM", "DEPUTY", "DEP",
            "CHIEF", "OF", "MISSION", "COUNSELOR", "COUNSELLOR", "COUNS", "MINISTER", "MINISTER-COUNSELOR",
            "MINISTER-COUNSELLOR", "M/C", "M-C", "CONSUL", "CONSUL-GENERAL", "GENERAL", "CG", "CONGEN", "PRINCIPAL",
            "OFFICER", "PO", "DPO", "OFFICE", "DIRECTOR", "DIR", "ACTING", "ASSISTANT", "ASST", "UNDER", "SECRETARY",
            "UNDERSECRETARY", "SEC", "SENIOR", "SPECIAL", "ENVOY", "REPRESENTATIVE", "PERMANENT", "ALTERNATE",
            "COORDINATOR", "COORDINATING", "ADVISOR", "ADVISER", "ATTACHE", "ATTACHÉ", "DATT", "LEGATT", "HEAD",
            "SECTION", "UNIT", "DIVISION", "BRANCH", "MANAGER", "SPECIALIST", "ANALYST", "ADMINISTRATOR", "SPOKESMAN",
            "POLITICAL", "POLITICAL/ECONOMIC", "POLITICAL-ECONOMIC", "POL/ECON", "POLECON", "POL", "ECON",
            "ECONOMIC", "ECONOMICS", "COMMERCIAL", "CONSULAR", "MANAGEMENT", "MGMT", "PUBLIC", "PA", "PAO", "AFFAIRS",
            "DIPLOMACY", "MILITARY", "POLITICAL-MILITARY", "POL-MIL", "POLMIL", "REGIONAL", "SECURITY", "RSO", "ARSO",
            "INTERIM", "ADMINISTRATIVE", "EXECUTIVE", "POLOFF", "ECONOFF", "POL/ECONOFF", "POLCOUNS", "ECONCOUNS",
            "POLMINCOUNS", "ECONMINCOUNS", "MINCOUNS", "P/E", "PE", "A/S", "DAS", "PDAS", "DASD", "ASD", "U/S",
            "ECPO", "THE", "AND", "FOR", "&", "IN", "ON", "AT", "TO", "FIRST", "SECOND", "THIRD", "VICE",
            "CONSULATE-GENERAL", "FOREIGN", "SERVICE", "OFFICIAL");

    /** Subject areas written inside titles ("Counselor for Nuclear Policy"); never a person's name. */
    private static final Set<String> FIELD = Set.of("POLICY", "DEVELOPMENT", "NUCLEAR", "ENERGY", "ENVIRONMENT",
            "ENVIRONMENTAL", "SCIENCE", "TECHNOLOGY", "HEALTH", "COMMERCE", "AGRICULTURE", "AGRICULTURAL", "NARCOTICS",
            "ENFORCEMENT", "HUMAN", "REFUGEES", "MIGRATION", "INTERNATIONAL", "ORGANIZATIONS", "COUNTERTERRORISM",
            "TERRORISM", "INTELLIGENCE", "RESEARCH", "ARMS", "NONPROLIFERATION", "VERIFICATION", "COMPLIANCE",
            "PROGRAMS", "OPERATIONS", "ADMINISTRATION", "RESOURCES", "BUSINESS", "FINANCE", "FINANCIAL", "GLOBAL",
            "MULTILATERAL", "BILATERAL", "ISSUES", "AFFAIRS", "EUROPEAN", "AFRICAN", "ASIAN", "HEMISPHERE",
            "EURASIAN", "AFGHANISTAN", "PAKISTAN", "IRAQ", "IRAN", "TRANSITION", "ASSISTANCE", "RECONSTRUCTION");

    /** Parts of title abbreviations written in CamelCase or with a slash (PolMinCouns, A/PolCouns); upper case. */
    private static final Set<String> MORPHEMES = Set.of("A", "D", "P", "E", "S", "M", "C", "U", "POL", "ECON", "MIN",
            "COUNS", "OFF", "DEP", "CONS", "GEN", "CHIEF", "DIR", "AMB", "MGMT", "PA", "PUB", "AFF", "COM", "DCM",
            "MIL",
            "SEC", "REG", "ATT", "EXEC", "ADMIN", "COORD", "CDA", "CG", "PO", "DPO", "POLOFF", "ECONOFF", "OFFICER",
            "COUNSELOR", "POLITICAL", "ECONOMIC", "DEPUTY", "ACTING", "ASST", "LEG", "DEF");

    /** Function words: a comma part holding one of these is a title, not an office. Upper case. */
    private static final Set<String> HEADS = Set.of("AMBASSADOR", "AMB", "AMBASSADOR-AT-LARGE", "CHARGE", "CHARGÉ",
            "D'AFFAIRES", "D’AFFAIRES", "CDA", "COM", "DCM", "A/DCM", "CHIEF", "COUNSELOR", "COUNSELLOR", "COUNS",
            "MINISTER", "MINISTER-COUNSELOR", "MINISTER-COUNSELLOR", "M/C", "M-C", "CONSUL", "CONSUL-GENERAL", "CG",
            "CONGEN", "OFFICER", "PO", "DPO", "DIRECTOR", "DIR", "SECRETARY", "UNDERSECRETARY", "ENVOY",
            "REPRESENTATIVE", "COORDINATOR", "ADVISOR", "ADVISER", "ATTACHE", "ATTACHÉ", "DATT", "LEGATT", "HEAD",
            "MANAGER", "SPECIALIST", "ANALYST", "ADMINISTRATOR", "SPOKESMAN", "RSO", "ARSO", "PAO", "POLOFF", "ECONOFF",
            "POL/ECONOFF", "POLCOUNS", "ECONCOUNS", "POLMINCOUNS", "ECONMINCOUNS", "MINCOUNS", "A/S", "DAS", "PDAS",
            "DASD", "ASD", "U/S", "ECPO", "DEPUTY");

    /** Long title words a misspelling is matched against (Ambassaor, Counselr, Secratary). */
    private static final String[] FUZZY = {"AMBASSADOR", "COUNSELOR", "COUNSELLOR", "MINISTER", "DIRECTOR", "OFFICER",
        "SECRETARY", "COORDINATOR", "PRINCIPAL", "ASSISTANT", "POLITICAL", "ECONOMIC", "ATTACHE", "AFFAIRES",
        "GENERAL", "CONSULATE"};

    /** Offices and agencies written as one word before the title (mission codes, agencies); upper case. */
    private static final Set<String> OFFICE = Set.of("USEU", "USNATO", "USUN", "USOSCE", "USOECD", "USUNESCO",
            "USMISSION", "UNVIE", "USAID", "STATE", "DOS", "EXEC", "DEPARTMENT", "DEPT", "DEPT.", "BUREAU", "EMBASSY",
            "CONSULATE", "AMEMBASSY", "AMCONSUL", "U.S.", "US", "USG");

    /** Words that name a post when followed by its place ("Embassy Madrid"); upper case. */
    private static final Set<String> POSTS = Set.of("EMBASSY", "CONSULATE", "AMEMBASSY", "AMCONSUL", "MISSION");

    private static final Set<String> PARTICLES = Set.of("de", "da", "do", "dos", "das", "van", "von", "der", "den",
            "del", "della", "di", "du", "la", "le", "al", "al-", "el", "el-", "bin", "ibn", "ter", "y", "st.", "mac");

    private static final Set<String> SUFFIXES = Set.of("JR", "JR.", "SR", "SR.", "II", "III", "IV");

    /** Words that are never a name word: {@link #TITLE}, {@link #FIELD} and {@link #OFFICE} in one set. */
    private static final Set<String> NOT_NAMES = union(TITLE, FIELD, OFFICE);

    private static Set<String> union(Set<String> a, Set<String> b, Set<String> c) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        all.addAll(c);
        return Set.copyOf(all);
    }

    /** Lower-case words that join a title to its object ("Counselor for Nuclear Policy"). */
    private static final Set<String> CONNECTORS = Set.of("for", "of", "and", "the", "in", "on", "at", "to", "&");

    /** The classifier written in {@code entry} (no reason, no keyword), or null when it names nothing. */
    static ClassifiedBy read(String entry) {
        List<String> parts = parts(entry);
        if (parts.isEmpty()) {
            return null;
        }
        boolean mixed = hasLower(entry);
        String[] w = parts.get(0).split(" ");
        Split s = split(w, mixed);
        if (s.name == null && mixed) {
            // "Ambassador JOHN DOE": a name in capitals inside mixed-case text reads as abbreviations at first
            Split caps = split(w, false);
            if (caps.name != null) {
                s = caps;
            }
        }
        String name = s.name;
        String title = s.title;
        String office = s.office;
        List<String> offices = new ArrayList<>();
        if (office != null) {
            offices.add(office);
        }
        for (int i = 1; i < parts.size(); i++) {
            String p = parts.get(i);
            String u = p.toUpperCase(Locale.ROOT);
            if (name != null && offices.isEmpty() && SUFFIXES.contains(u)) {
                name = name + ", " + p;
            } else if (title != null && (u.equals("A.I.") || u.equals("A.I"))) {
                title = title + ", " + p;
            } else if (name == null && offices.isEmpty() && looksLikeName(p, mixed)) {
                name = p;
            } else if (title == null && offices.isEmpty() && hasHead(p)) {
                String[] pw = p.split(" ");
                int o = officePrefix(pw, pw.length, mixed);
                if (o > 0 && o < pw.length) {
                    offices.add(join(pw, 0, o));
                }
                title = join(pw, o < pw.length ? o : 0, pw.length);
            } else {
                offices.add(p);
            }
        }
        office = offices.isEmpty() ? null : String.join(", ", offices);
        if (name == null && title == null && office == null) {
            return null;
        }
        return new ClassifiedBy(normaliseName(name), title, office);
    }

    /** True when {@code entry} names a person (its name is two words or more, or follows a title). */
    static boolean namesPerson(String entry) {
        List<String> parts = parts(entry);
        if (parts.isEmpty()) {
            return false;
        }
        Split s = split(parts.get(0).split(" "), hasLower(entry));
        if (s.name == null) {
            return parts.size() > 1 && looksLikeName(parts.get(1), hasLower(entry));
        }
        return s.name.indexOf(' ') > 0 || s.title != null;
    }

    private record Split(String name, String title, String office) {
    }

    /** The first comma part: [office] [title] name, or a title alone, or a name alone. */
    private static Split split(String[] w, boolean mixed) {
        int n = w.length;
        int k = n;
        while (k > 1 && SUFFIXES.contains(w[k - 1].toUpperCase(Locale.ROOT)) && isNameWord(w[k - 2], mixed)) {
            k--;
        }
        int j = k;
        while (j > 0) {
            String x = w[j - 1];
            if (isNameWord(x, mixed)) {
                j--;
                continue;
            }
            // particles inside the name: "Jean-Paul de la Cruz", "Abdul Rahman bin Ali"
            int m = j - 1;
            while (m > 0 && PARTICLES.contains(w[m - 1])) {
                m--;
            }
            if (j < k && PARTICLES.contains(x) && m > 0 && isNameWord(w[m - 1], mixed)) {
                j = m;
            } else {
                break;
            }
        }
        if (j == k) {
            // no name: a title, possibly after an office
            j = n;
        } else if (j > 0 && CONNECTORS.contains(w[j - 1]) && k - j >= 3) {
            // "Director for Xyz Jane Doe": the first word is the connector's object, part of the title
            j++;
        }
        int[] tj = {0, j};
        officePrefix(w, tj, k, mixed);
        int t = tj[0];
        j = tj[1];
        if (t == j && j == n) {
            // nothing but office words: "Embassy Madrid", "EEB/ESC"
            return new Split(null, null, join(w, 0, n));
        }
        String office = t > 0 ? join(w, 0, t) : null;
        String title = t < j ? join(w, t, j) : null;
        String name = j < n ? join(w, j, n) : null;
        return new Split(name, title, office);
    }

    /** The number of words of {@code w} before {@code limit} that are office codes or posts, not the title. */
    private static int officePrefix(String[] w, int limit, boolean mixed) {
        int[] tj = {0, limit};
        officePrefix(w, tj, limit, mixed);
        return Math.min(tj[0], limit);
    }

    /**
     * Moves {@code tj[0]} past the office codes and posts written before the title (USEU, EUR/RUS, "Embassy Madrid",
     * "U.S. Embassy Kabul"), up to {@code tj[1]}, the start of the name; {@code k} is the end of the name.
     */
    private static void officePrefix(String[] w, int[] tj, int k, boolean mixed) {
        int t = 0;
        int j = tj[1];
        while (t < j) {
            String x = w[t];
            String u = x.toUpperCase(Locale.ROOT);
            boolean us = (u.equals("U.S.") || u.equals("US")) && t + 1 < j
                    && POSTS.contains(w[t + 1].toUpperCase(Locale.ROOT));
            if (POSTS.contains(u) || us) {
                t += us ? 2 : 1;
                if (t < j && w[t].equalsIgnoreCase("General")) {
                    t++;
                }
                if (t < j && isPlaceWord(w[t], mixed)) {
                    t++;
                } else if (t == j && j < k) {
                    // "Embassy Madrid Jane Doe", "Embassy Buenos Aires": the place was read as part of the name;
                    // the name is the last two words (initials between them included), when more are left
                    int start = k;
                    int words = 0;
                    while (start > j && words < 2) {
                        start--;
                        if (!isInitial(w[start])) {
                            words++;
                        }
                    }
                    t = start > j ? start : k;
                    j = t;
                }
                continue;
            }
            if (isOfficeCode(x, mixed)) {
                t++;
                if (t + 1 < j && w[t].equals("of") && nameShaped(w[t + 1])) {
                    // "Department of State"
                    t += 2;
                }
                continue;
            }
            break;
        }
        tj[0] = t;
        tj[1] = j;
    }

    private static String join(String[] w, int from, int to) {
        return String.join(" ", Arrays.copyOfRange(w, from, to));
    }

    /** Comma parts of an entry, white space collapsed, empty parts dropped. */
    private static List<String> parts(String entry) {
        List<String> out = new ArrayList<>(4);
        String c = HeaderFields.collapse(entry);
        int from = 0;
        while (from <= c.length()) {
            int comma = c.indexOf(',', from);
            int to = comma < 0 ? c.length() : comma;
            String q = c.substring(from, to).trim();
            if (!q.isEmpty()) {
                out.add(q);
            }
            from = to + 1;
        }
        return out;
    }

    /** True when {@code word} is a title word or abbreviation ("Counselor", "DCM", "PolOff", "Ambassaor"). */
    static boolean isTitle(String word) {
        String u = stripEnds(word.toUpperCase(Locale.ROOT));
        return TITLE.contains(u) || isCamelTitle(word) || isMisspeltTitle(u);
    }

    /** A capitalised word, initial, nickname or redaction that is not a title or office word. */
    static boolean isNameWord(String x, boolean mixed) {
        if (x.isEmpty() || !nameShaped(x)) {
            return false;
        }
        String u = x.toUpperCase(Locale.ROOT);
        // a title, field, office or post word, also without quotes and stops (stripEnds returns u itself when it
        // has none, and u was looked up already)
        if (NOT_NAMES.contains(u) || POSTS.contains(u)) {
            return false;
        }
        String letters = stripEnds(u);
        if (letters != u && NOT_NAMES.contains(letters)) {
            return false;
        }
        if (isAbbreviation(x, mixed) || isCamelTitle(x) || isMisspeltTitle(letters)) {
            return false;
        }
        return true;
    }

    private static boolean nameShaped(String x) {
        char c = x.charAt(0);
        if (c == '"' || c == '“' || c == '\'' || c == '(') {
            return x.length() > 1 && Character.isUpperCase(x.charAt(1));
        }
        return Character.isUpperCase(c);
    }

    /** Letters and inner marks only: quotes, brackets and a trailing full stop or colon removed. */
    private static String stripEnds(String u) {
        int s = 0;
        int e = u.length();
        while (s < e && "\"“”'(".indexOf(u.charAt(s)) >= 0) {
            s++;
        }
        while (e > s && "\"“”'):.;".indexOf(u.charAt(e - 1)) >= 0) {
            e--;
        }
        return u.substring(s, e);
    }

    /**
     * The shape of an abbreviated title or office: with a slash between letters (A/DCM, P/E, D/Political), or, in
     * mixed-case text, 2 to 6 capitals (DCM, PDAS, ECPO; a redaction "XXXXXX" excepted).
     */
    private static boolean isAbbreviation(String x, boolean mixed) {
        int slash = x.indexOf('/');
        if (slash > 0 && slash < x.length() - 1) {
            return true;
        }
        if (!mixed) {
            return false;
        }
        String l = stripEnds(x);
        if (l.length() < 2 || l.length() > 6) {
            return false;
        }
        boolean allX = true;
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (!Character.isUpperCase(c)) {
                return false;
            }
            allX &= c == 'X';
        }
        return !allX;
    }

    /** A CamelCase title made of known parts: PolMinCouns, PolOff, A/PolCouns, EconCouns. */
    private static boolean isCamelTitle(String x) {
        if (chunkCount(x) < 2) {
            return false;
        }
        List<String> chunks = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < x.length(); i++) {
            char c = x.charAt(i);
            if (c == '/' || c == '-' || c == '.') {
                if (cur.length() > 0) {
                    chunks.add(cur.toString());
                }
                cur.setLength(0);
                continue;
            }
            if (!Character.isLetter(c)) {
                return false;
            }
            if (Character.isUpperCase(c) && cur.length() > 0 && Character.isLowerCase(cur.charAt(cur.length() - 1))) {
                chunks.add(cur.toString());
                cur.setLength(0);
            }
            cur.append(c);
        }
        if (cur.length() > 0) {
            chunks.add(cur.toString());
        }
        if (chunks.size() < 2) {
            return false;
        }
        boolean longOne = false;
        for (String ch : chunks) {
            String u = ch.toUpperCase(Locale.ROOT);
            if (!MORPHEMES.contains(u)) {
                return false;
            }
            longOne |= u.length() >= 3;
        }
        return longOne;
    }

    /**
     * The number of chunks {@link #isCamelTitle} cuts {@code x} into (at "/", "-", "." and where a capital follows a
     * small letter), counted without building them; 0 when {@code x} holds another character than these and letters.
     */
    private static int chunkCount(String x) {
        int chunks = 0;
        boolean inChunk = false;
        char prev = 0;
        for (int i = 0; i < x.length(); i++) {
            char c = x.charAt(i);
            if (c == '/' || c == '-' || c == '.') {
                if (inChunk) {
                    chunks++;
                }
                inChunk = false;
                continue;
            }
            if (!Character.isLetter(c)) {
                return 0;
            }
            if (inChunk && Character.isUpperCase(c) && Character.isLowerCase(prev)) {
                chunks++;
            }
            inChunk = true;
            prev = c;
        }
        return inChunk ? chunks + 1 : chunks;
    }

    /** A long title word written with one slip (two for the longest): Ambassaor, Counselr, Secratary. */
    private static boolean isMisspeltTitle(String u) {
        if (u.length() < 7) {
            return false;
        }
        for (String t : FUZZY) {
            int allowed = t.length() >= 9 ? 2 : 1;
            // a slip keeps the first letter; checked first, it spares nearly every comparison
            if (t.charAt(0) == u.charAt(0) && Math.abs(t.length() - u.length()) <= allowed
                    && distance(u, t, allowed) <= allowed) {
                return true;
            }
        }
        return false;
    }

    /** Edit distance with transpositions, or {@code max + 1} once it is known to exceed {@code max}. */
    private static int distance(String a, String b, int max) {
        int[] prev2 = new int[b.length() + 1];
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] tmp = prev2;
            prev2 = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[b.length()];
    }

    /** An office code written before a title: a mission (USEU), a bureau symbol (EUR/RUS, S/CT), a section (NAS). */
    private static boolean isOfficeCode(String x, boolean mixed) {
        String u = stripEnds(x.toUpperCase(Locale.ROOT));
        if (OFFICE.contains(u) && !POSTS.contains(u)) {
            return !u.equals("U.S.") && !u.equals("US");
        }
        if (TITLE.contains(u) || !x.equals(x.toUpperCase(Locale.ROOT))) {
            return false;
        }
        int slash = u.indexOf('/');
        if (slash > 0) {
            // a bureau symbol when a part is no title abbreviation: EUR/RUS, ISN/MTR, S/CT (not A/DCM, P/E, M/C)
            for (String part : u.split("/")) {
                if (part.isEmpty() || !part.chars().allMatch(Character::isLetter)) {
                    return false;
                }
            }
            for (String part : u.split("/")) {
                if (!MORPHEMES.contains(part)) {
                    return true;
                }
            }
            return false;
        }
        return mixed && isAbbreviation(x, true) && !MORPHEMES.contains(u);
    }

    private static boolean isInitial(String x) {
        return x.length() == 2 && x.charAt(1) == '.' || x.length() == 1;
    }

    private static boolean isPlaceWord(String x, boolean mixed) {
        return nameShaped(x) && !TITLE.contains(x.toUpperCase(Locale.ROOT)) && !isAbbreviation(x, mixed)
                && !isCamelTitle(x);
    }

    /** A comma part that is a person's name: name words only, at least one of two letters or more. */
    private static boolean looksLikeName(String p, boolean mixed) {
        String[] w = p.split(" ");
        if (w.length > 5) {
            return false;
        }
        boolean word = false;
        for (int i = 0; i < w.length; i++) {
            String x = w[i];
            if (isNameWord(x, mixed)) {
                word |= stripEnds(x).length() >= 2 && !x.endsWith(".");
            } else if (!(PARTICLES.contains(x) && i > 0 && i < w.length - 1
                    || i == w.length - 1 && i > 0 && SUFFIXES.contains(x.toUpperCase(Locale.ROOT)))) {
                return false;
            }
        }
        return word;
    }

    /** A comma part that holds a function word (a title), as opposed to an office. */
    private static boolean hasHead(String p) {
        for (String x : p.split(" ")) {
            String raw = x.toUpperCase(Locale.ROOT);
            String u = stripEnds(raw);
            if (HEADS.contains(u) || isCamelTitle(x) || isMisspeltTitle(u) && !OFFICE.contains(u)) {
                return true;
            }
            if (u.startsWith("A/") && HEADS.contains(u.substring(2))) {
                return true;
            }
            if (raw.endsWith("...") || raw.endsWith("…")) {
                // a truncated title: "Acting Offic..."
                for (String h : HEADS) {
                    if (u.length() >= 3 && h.startsWith(u)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** "XXXXXXXXXXXX": a redacted name, kept as written. */
    private static boolean isRedaction(String s) {
        if (s.length() < 3) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != 'X') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLower(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLowerCase(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The name as written; one written all in capitals is title-cased ("JOHN O'NEILL" -> "John O'Neill"). */
    static String normaliseName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        if (hasLower(name)) {
            return name;
        }
        StringBuilder sb = new StringBuilder();
        boolean startWord = true;
        String[] words = name.split(" ", -1);
        for (int w = 0; w < words.length; w++) {
            String word = words[w];
            if (w > 0) {
                sb.append(' ');
            }
            String bare = stripEnds(word);
            if (SUFFIXES.contains(bare) && !bare.startsWith("J") && !bare.startsWith("S") || isRedaction(bare)) {
                sb.append(word);
                continue;
            }
            startWord = true;
            for (int i = 0; i < word.length(); i++) {
                char ch = word.charAt(i);
                if (ch == '0' && startWord) {
                    ch = 'O';
                }
                if (Character.isLetter(ch)) {
                    sb.append(startWord ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
                    startWord = false;
                } else {
                    sb.append(ch);
                    startWord = ch == '-' || ch == '.' || ch == '\'' || ch == '’' || ch == '"';
                }
            }
        }
        return sb.toString();
    }
}
