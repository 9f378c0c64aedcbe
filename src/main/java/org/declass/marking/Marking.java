package org.declass.marking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A classification level with its dissemination and handling controls, for a portion or a whole cable.
 * Controls are normalised to their banner names: NOFORN, EXDIS, NODIS, SBU, FOUO, ORCON, LOU, "REL TO USA, GBR".
 */
public record Marking(ClassificationLevel level, List<String> controls) {

    public static final String NOFORN = "NOFORN";
    public static final String EXDIS = "EXDIS";
    public static final String NODIS = "NODIS";
    public static final String SBU = "SBU";
    public static final String FOUO = "FOUO";
    public static final String LOU = "LOU";

    /** Order of controls in a banner: dissemination controls after the level, State captions last. */
    private static final List<String> CONTROL_ORDER = List.of(SBU, LOU, FOUO, "ORCON", NOFORN, "REL TO", "PROPIN",
            "IMCON", "RELIDO", NODIS, EXDIS);

    private static final Pattern PORTION = Pattern.compile(
            "\\(\\s*(TS|S|C|U|SBU|LOU)\\s*((?:/{1,2}\\s*[A-Z][A-Z ,\\-]*?)*)\\s*\\)", Pattern.CASE_INSENSITIVE);

    public Marking {
        Objects.requireNonNull(level, "level");
        controls = controls == null ? List.of() : List.copyOf(new LinkedHashSet<>(controls));
    }

    public static Marking of(ClassificationLevel level, String... controls) {
        return new Marking(level, List.of(controls));
    }

    public static final Marking UNCLASSIFIED = new Marking(ClassificationLevel.UNCLASSIFIED, List.of());

    /** True when foreign nationals may not read it: NOFORN, or EXDIS/NODIS, which State handles as NOFORN. */
    public boolean isForeignRestricted() {
        return controls.contains(NOFORN) || controls.contains(EXDIS) || controls.contains(NODIS);
    }

    /**
     * Whether this marking is at least {@code other}: its level covers the other's, and it keeps every control of
     * the other but the unclassified handling ones (SBU, LOU, FOUO), which a classified level replaces. A raise of a
     * banner must pass this.
     */
    public boolean isAtLeast(Marking other) {
        return level.covers(other.level) && controls.containsAll(other.controls.stream()
                .filter(c -> !c.equals(SBU) && !c.equals(LOU) && !c.equals(FOUO)).toList());
    }

    public boolean isClassified() {
        return level != ClassificationLevel.UNCLASSIFIED;
    }

    /** The portion mark as written in cables, e.g. "(S//NF)", "(C)", "(SBU)", "(SBU//NF)". */
    public String portionMark() {
        List<String> parts = new ArrayList<>();
        String head = level.abbreviation();
        for (String c : controls) {
            if (c.equals(SBU) && level == ClassificationLevel.UNCLASSIFIED) {
                head = SBU;
            } else if (c.equals(LOU) && level == ClassificationLevel.UNCLASSIFIED) {
                head = LOU;
            } else {
                parts.add(abbreviate(c));
            }
        }
        StringBuilder sb = new StringBuilder("(").append(head);
        for (String p : parts) {
            sb.append("//").append(p);
        }
        return sb.append(')').toString();
    }

    /** The spelled-out banner, e.g. "SECRET//NOFORN", "UNCLASSIFIED//SBU", "CONFIDENTIAL//EXDIS". */
    public String banner() {
        StringBuilder sb = new StringBuilder(level.displayName());
        for (String c : sortedControls()) {
            sb.append("//").append(c);
        }
        return sb.toString();
    }

    private List<String> sortedControls() {
        List<String> sorted = new ArrayList<>(controls);
        sorted.sort((a, b) -> Integer.compare(orderOf(a), orderOf(b)));
        return sorted;
    }

    private static int orderOf(String control) {
        for (int i = 0; i < CONTROL_ORDER.size(); i++) {
            if (control.startsWith(CONTROL_ORDER.get(i))) {
                return i;
            }
        }
        return CONTROL_ORDER.size();
    }

    private static String abbreviate(String control) {
        return switch (control) {
            case NOFORN -> "NF";
            case EXDIS -> "XD";
            case NODIS -> "ND";
            case "ORCON" -> "OC";
            default -> control;
        };
    }

    /**
     * Reads a portion mark such as "(S//NF)", "(C/NF)", "(SBU/N)", "(C/REL LIBYA)", "(U//FOUO)", "(S//NF//XD)".
     * The whole input must be the mark (surrounding white space allowed).
     */
    public static Optional<Marking> parsePortion(String mark) {
        if (mark == null) {
            return Optional.empty();
        }
        Matcher m = PORTION.matcher(mark.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String head = m.group(1).toUpperCase(Locale.ROOT);
        List<String> controls = new ArrayList<>();
        ClassificationLevel level = switch (head) {
            case "TS" -> ClassificationLevel.TOP_SECRET;
            case "S" -> ClassificationLevel.SECRET;
            case "C" -> ClassificationLevel.CONFIDENTIAL;
            default -> ClassificationLevel.UNCLASSIFIED;
        };
        if (head.equals(SBU) || head.equals(LOU)) {
            controls.add(head);
        }
        String rest = m.group(2);
        if (rest != null && !rest.isBlank()) {
            for (String raw : rest.split("/")) {
                String c = raw.trim().toUpperCase(Locale.ROOT);
                if (c.isEmpty()) {
                    continue;
                }
                Optional<String> control = normaliseControl(c, head);
                if (control.isEmpty()) {
                    return Optional.empty();
                }
                controls.add(control.get());
            }
        }
        return Optional.of(new Marking(level, controls));
    }

    private static Optional<String> normaliseControl(String c, String head) {
        return switch (c) {
            case "NF", "NOFORN" -> Optional.of(NOFORN);
            case "N" -> head.equals(SBU) ? Optional.of(NOFORN) : Optional.empty();
            case "XD", "EXDIS" -> Optional.of(EXDIS);
            case "ND", "NODIS" -> Optional.of(NODIS);
            case "FOUO" -> Optional.of(FOUO);
            case "OC", "ORCON" -> Optional.of("ORCON");
            case "SBU" -> Optional.of(SBU);
            case "REL" -> Optional.of("REL TO");
            default -> {
                if (c.startsWith("REL ")) {
                    String list = c.substring(4).trim();
                    if (list.startsWith("TO ")) {
                        list = list.substring(3).trim();
                    }
                    yield Optional.of("REL TO " + list);
                }
                yield Optional.empty();
            }
        };
    }

    /**
     * The overall marking of a set of portions (BRIEF 6.2): the highest level, the union of controls; EXDIS or
     * NODIS imply NOFORN; NODIS beats EXDIS; NOFORN removes REL TO; SBU is dropped when anything is classified,
     * and FOUO when SBU is present.
     */
    public static Marking rollUp(Collection<Marking> portions) {
        ClassificationLevel level = ClassificationLevel.UNCLASSIFIED;
        Set<String> controls = new LinkedHashSet<>();
        for (Marking p : portions) {
            if (p == null) {
                continue;
            }
            level = ClassificationLevel.max(level, p.level());
            controls.addAll(p.controls());
        }
        if (controls.contains(EXDIS) || controls.contains(NODIS)) {
            controls.add(NOFORN);
        }
        if (controls.contains(NODIS)) {
            controls.remove(EXDIS);
        }
        if (controls.contains(NOFORN)) {
            controls.removeIf(c -> c.startsWith("REL TO"));
        }
        if (level != ClassificationLevel.UNCLASSIFIED) {
            controls.remove(SBU);
            controls.remove(LOU);
            controls.remove(FOUO);
        } else if (controls.contains(SBU)) {
            controls.remove(FOUO);
        }
        return new Marking(level, new ArrayList<>(controls));
    }

    @Override
    public String toString() {
        return banner();
    }
}
