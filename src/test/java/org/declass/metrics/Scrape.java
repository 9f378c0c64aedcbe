package org.declass.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** A Prometheus text exposition, read into samples: name, labels, value. */
record Scrape(String text, List<Sample> samples) {

    record Sample(String name, Map<String, String> labels, double value, String labelText) {
    }

    static Scrape of(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space;
            String name;
            String labelText = "";
            Map<String, String> labels = new LinkedHashMap<>();
            if (brace >= 0 && brace < line.indexOf(' ')) {
                name = line.substring(0, brace);
                int close = line.lastIndexOf('}');
                labelText = line.substring(brace + 1, close);
                readLabels(labelText, labels);
                space = close + 1;
            } else {
                space = line.indexOf(' ');
                name = line.substring(0, space);
            }
            String[] rest = line.substring(space).trim().split(" ");
            samples.add(new Sample(name, labels, parse(rest[0]), labelText));
        }
        return new Scrape(text, samples);
    }

    private static double parse(String v) {
        return switch (v) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(v);
        };
    }

    private static void readLabels(String text, Map<String, String> out) {
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = text.substring(i, eq).trim();
            StringBuilder value = new StringBuilder();
            int j = eq + 2; // after ="
            while (j < text.length() && text.charAt(j) != '"') {
                if (text.charAt(j) == '\\' && j + 1 < text.length()) {
                    j++;
                }
                value.append(text.charAt(j));
                j++;
            }
            out.put(key, value.toString());
            i = j + 1;
            if (i < text.length() && text.charAt(i) == ',') {
                i++;
            }
        }
    }

    /** Every sample name (with the _bucket, _count, _sum, _total suffixes as exposed). */
    Set<String> names() {
        Set<String> out = new TreeSet<>();
        samples.forEach(s -> out.add(s.name()));
        return out;
    }

    List<Sample> find(String name, Predicate<Map<String, String>> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && labels.test(s.labels())).toList();
    }

    /** The sum of the samples of this name whose labels include all of these. */
    double sum(String name, Map<String, String> labels) {
        return find(name, l -> l.entrySet().containsAll(labels.entrySet())).stream()
                .mapToDouble(Sample::value).sum();
    }

    /** The one sample of this name with exactly these labels' values (others may be present). */
    double value(String name, Map<String, String> labels) {
        List<Sample> found = find(name, l -> l.entrySet().containsAll(labels.entrySet()));
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " samples of " + name + labels + " in the scrape");
        }
        return found.get(0).value();
    }
}
