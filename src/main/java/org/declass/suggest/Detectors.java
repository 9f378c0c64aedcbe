package org.declass.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * All detectors over the portions of one cable, in order: names, phone numbers, e-mail addresses, identity numbers,
 * then the protection phrases (which turn a name before them into a SOURCE), then a pass over the whole cable that
 * finds the later mentions of a name already found ("Sattarov" after "Lieutenant Colonel Farrukh Sattarov"; a
 * protected source's later mentions are SOURCE too). Where two detections overlap, the more specific kind wins,
 * then the more confident, then the longer. A law-enforcement context ("police", "investigation", "arrested",
 * "prosecutor") suggests FOIA (b)(7)(C) for names instead of (b)(6).
 * <p>
 * Give it only portions the reader may read: the later-mention pass reads every portion it is given.
 */
public final class Detectors {

    private static final Pattern LAW_ENFORCEMENT = Pattern.compile("(?i)\\b(?:police|investigat\\w*|arrest\\w*|"
            + "prosecut\\w*|indict\\w*|detain\\w*|suspect\\w*|interpol|law enforcement|criminal|charged)\\b");

    private final NameDetector names = new NameDetector();
    private final List<Detector> others = List.of(new PhoneDetector(), new EmailDetector(),
            new IdentityNumberDetector());
    private final ProtectDetector protect = new ProtectDetector();

    /** The detections of each portion, in the order given; each list in text order, without overlaps. */
    public List<List<Detection>> find(List<String> portions) {
        List<List<Detection>> all = new ArrayList<>();
        for (String text : portions) {
            List<Detection> found = new ArrayList<>();
            List<Detection> n = names.find(text);
            found.addAll(n);
            for (Detector d : others) {
                found.addAll(d.find(text));
            }
            found.addAll(protect.find(text, n));
            all.add(found);
        }
        laterMentions(portions, all);
        List<List<Detection>> out = new ArrayList<>();
        for (int i = 0; i < portions.size(); i++) {
            out.add(codes(portions.get(i), resolve(all.get(i))));
        }
        return out;
    }

    /** The detections of one text on its own. */
    public List<Detection> find(String text) {
        return find(List.of(text)).get(0);
    }

    /** The words of each name found ({@link #mentionWords}), then every other whole-word mention of them. */
    private static void laterMentions(List<String> portions, List<List<Detection>> all) {
        Map<String, Kind> surnames = new HashMap<>();
        for (int i = 0; i < portions.size(); i++) {
            String text = portions.get(i);
            boolean caps = NameDetector.allCaps(text);
            for (Detection d : all.get(i)) {
                if (d.kind() != Kind.NAME && d.kind() != Kind.SOURCE) {
                    continue;
                }
                List<NameDetector.Tok> words = NameDetector.tokens(text.substring(d.start(), d.end())).stream()
                        .filter(t -> NameDetector.isNameWord(t, caps) && t.word().length() >= 2
                                && !NameWords.PARTICLES.contains(t.lower())).toList();
                if (words.isEmpty()) {
                    continue;
                }
                for (String w : mentionWords(text.substring(d.start(), d.end()), words)) {
                    surnames.merge(w, d.kind(), (a, b) -> a == Kind.SOURCE || b == Kind.SOURCE ? Kind.SOURCE : a);
                }
            }
        }
        for (Map.Entry<String, Kind> e : surnames.entrySet()) {
            // a hyphenated name may be broken at its hyphen across a line: "Ferrante-\nBosco"
            String[] parts = e.getKey().split("-");
            StringBuilder quoted = new StringBuilder();
            for (int k = 0; k < parts.length; k++) {
                quoted.append(k == 0 ? "" : "-\\s*").append(Pattern.quote(parts[k]));
            }
            Pattern word = Pattern.compile("(?<![\\p{L}\\-])" + quoted + "(?![\\p{L}\\-])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            for (int i = 0; i < portions.size(); i++) {
                String text = portions.get(i);
                Matcher m = word.matcher(text);
                while (m.find()) {
                    String w = m.group();
                    // the name as written: capitalised, or in capitals
                    if (!Character.isUpperCase(w.charAt(0))) {
                        continue;
                    }
                    int s = m.start();
                    int end = m.end();
                    if (all.get(i).stream().anyMatch(d -> d.overlaps(s, end))) {
                        continue;
                    }
                    Kind kind = e.getValue();
                    all.get(i).add(new Detection(kind, s, end, kind == Kind.SOURCE ? "25X1" : kind.defaultCode(),
                            kind == Kind.SOURCE ? 0.85 : 0.7, kind == Kind.SOURCE
                            ? "a later mention of a name the cable marks as a source"
                            : "a later mention of a name found in this cable"));
                }
            }
        }
    }

    /**
     * The words of a name by which it is mentioned again: the surname (the last word; the first in "WILLIAM,
     * Roderick"), the word before the last in a name of three words or more (the first of two surnames: "Edilberto
     * Quintero Salas"), and the first word of a name of two (a surname written first: "Zhou Mingxuan").
     */
    static List<String> mentionWords(String name, List<NameDetector.Tok> words) {
        List<String> out = new ArrayList<>();
        int n = words.size();
        if (name.matches("(?s)[^,]+,.*")) {
            out.add(words.get(0).lower());
            return out;
        }
        out.add(words.get(n - 1).lower());
        if (n >= 3) {
            out.add(words.get(n - 2).lower());
        }
        if (n == 2) {
            out.add(words.get(0).lower());
        }
        return out;
    }

    /** Keeps, of overlapping detections, the more specific kind, then the more confident, then the longer. */
    static List<Detection> resolve(List<Detection> found) {
        List<Detection> ranked = new ArrayList<>(found);
        ranked.sort(Comparator.comparingInt((Detection d) -> -d.kind().priority())
                .thenComparingDouble(d -> -d.confidence()).thenComparingInt(d -> -d.length())
                .thenComparingInt(Detection::start));
        List<Detection> kept = new ArrayList<>();
        for (Detection d : ranked) {
            if (kept.stream().noneMatch(k -> k.overlaps(d))) {
                kept.add(d);
            }
        }
        kept.sort(Comparator.comparingInt(Detection::start).thenComparingInt(Detection::end));
        return kept;
    }

    /** Names in a law-enforcement context: (b)(7)(C) rather than (b)(6). */
    private static List<Detection> codes(String text, List<Detection> found) {
        if (!LAW_ENFORCEMENT.matcher(text).find()) {
            return found;
        }
        return found.stream().map(d -> d.kind() == Kind.NAME ? d.withCode("(b)(7)(C)") : d).toList();
    }

    /** The text a detection names, normalised: white space collapsed, lower case (the key of a rejection). */
    public static String normalised(String text) {
        return text.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }
}
