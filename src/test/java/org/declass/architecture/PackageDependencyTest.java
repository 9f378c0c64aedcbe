package org.declass.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The feature packages depend on each other exactly as the graph in {@code docs/architecture.md} draws it: the test
 * reads the Mermaid block of that file (lines {@code a --> b & c}) and checks the code against it, so the drawing
 * and the code cannot drift apart. Sub-packages count as their feature ({@code ingest.parser} is {@code ingest}).
 */
class PackageDependencyTest {

    static final Path DOC = Path.of("docs/architecture.md");
    static final Pattern EDGE = Pattern.compile("^\\s*(\\w+)\\s*-->\\s*(.+?)\\s*$");

    /** The drawn graph: each package to the packages it may depend on (packages with no arrow map to nothing). */
    static Map<String, Set<String>> drawnGraph() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf("```mermaid");
        assertThat(start).as("a ```mermaid block in " + DOC).isNotNegative();
        String block = doc.substring(start, doc.indexOf("```", start + 3));
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : block.split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.matches()) {
                Set<String> to = graph.computeIfAbsent(m.group(1), k -> new TreeSet<>());
                for (String target : m.group(2).split("&")) {
                    to.add(target.trim());
                    graph.computeIfAbsent(target.trim(), k -> new TreeSet<>());
                }
            }
        }
        return graph;
    }

    static String featureOf(JavaClass c) {
        String rest = c.getPackageName().substring("org.declass".length());
        if (rest.isEmpty()) {
            return "";
        }
        int dot = rest.indexOf('.', 1);
        return dot < 0 ? rest.substring(1) : rest.substring(1, dot);
    }

    @Test
    void theDrawingNamesEveryPackageOfTheApplication() throws IOException {
        Set<String> inCode = new TreeSet<>();
        DeclassClasses.MAIN.forEach(c -> inCode.add(featureOf(c)));
        assertThat(drawnGraph().keySet()).as("packages drawn in " + DOC).containsAll(inCode);
    }

    @Test
    void everyPackageDependsOnlyOnThePackagesTheDrawingAllowsIt() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : drawnGraph().entrySet()) {
            String[] allowed = new String[e.getValue().size() + 1];
            allowed[0] = "org.declass." + e.getKey() + "..";
            int i = 1;
            for (String to : e.getValue()) {
                allowed[i++] = "org.declass." + to + "..";
            }
            EvaluationResult result = classes().that().resideInAPackage("org.declass." + e.getKey() + "..")
                    .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.declass..")
                            .or(resideInAnyPackage(allowed)))
                    .allowEmptyShould(true)
                    .evaluate(DeclassClasses.MAIN);
            for (String line : result.getFailureReport().getDetails()) {
                violations.add(e.getKey() + " -> not drawn: " + line);
            }
        }
        assertThat(violations).as("dependencies not drawn in " + DOC).isEmpty();
    }

    @Test
    void theFeaturePackagesHaveNoCycles() {
        slices().matching("org.declass.(*)..").should().beFreeOfCycles().check(DeclassClasses.MAIN);
    }
}
