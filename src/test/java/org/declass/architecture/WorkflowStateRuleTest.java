package org.declass.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import org.declass.cable.Cable;
import org.declass.cable.Paragraph;
import org.junit.jupiter.api.Test;

/**
 * Only {@code org.declass.review} writes the workflow state (the review aggregate): outside it, no class calls the
 * methods of {@link Cable} that change the state, the claimant, a marking, a disposition or a redaction, nor
 * {@link Paragraph#dispose}, and no source file outside it holds an SQL or JPQL update of the state column.
 */
class WorkflowStateRuleTest {

    /** Cable's state-changing methods; any method named release or release... counts too. */
    static final Set<String> CABLE_WRITES = Set.of("claimBy", "submitForApproval", "approveBy", "returnToReviewer",
            "putOnHold", "liftHold", "remark", "remarkParagraph", "raiseOverallMarking", "redact", "removeRedaction");

    static final DescribedPredicate<JavaMethodCall> A_WORKFLOW_WRITE = DescribedPredicate.describe(
            "a state-changing method of Cable " + CABLE_WRITES + " or release..., or Paragraph.dispose",
            call -> {
                String name = call.getName();
                if (call.getTargetOwner().isEquivalentTo(Cable.class)) {
                    return CABLE_WRITES.contains(name) || name.matches("release([A-Z].*)?");
                }
                return call.getTargetOwner().isEquivalentTo(Paragraph.class) && name.equals("dispose");
            });

    @Test
    void noClassOutsideReviewCallsTheStateChangingMethodsOfCableOrParagraph() {
        noClasses().that().resideOutsideOfPackage("org.declass.review..")
                .and().doNotBelongToAnyOf(Cable.class, Paragraph.class)
                .should().callMethodWhere(A_WORKFLOW_WRITE)
                .because("the review aggregate is the only way to change the workflow state, a marking, a"
                        + " disposition or a redaction")
                .check(DeclassClasses.MAIN);
    }

    /**
     * An update statement whose SET clause assigns the state, in one string literal once adjacent literals joined by
     * {@code +} are put together: {@code UPDATE cable SET state = ?}, {@code update Cable c set c.version = ..., c.state
     * = :released}.
     */
    static final Pattern STATE_UPDATE = Pattern.compile(
            "\\bupdate\\s+\\w+(?:\\s+\\w+)?\\s+set\\b[^\"]*?(?<![\\w.])(?:\\w+\\.)?state\\s*=",
            Pattern.CASE_INSENSITIVE);

    static List<String> stateUpdatesIn(String source) {
        String joined = source.replaceAll("\"\\s*\\+\\s*\"", "");
        List<String> found = new ArrayList<>();
        Matcher m = STATE_UPDATE.matcher(joined);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void theSourceTextCheckRecognisesStateUpdatesInSqlAndJpql() {
        assertThat(stateUpdatesIn("s.prepareStatement(\"UPDATE cable SET state = ?, version = version + 1\")"))
                .hasSize(1);
        assertThat(stateUpdatesIn("em.createQuery(\"update Cable c set c.version = c.version + 1, \"\n"
                + "        + \"c.state = :released where c.id = :id\")")).hasSize(1);
        assertThat(stateUpdatesIn("\"update import_job set trigger_state = ?\"")).isEmpty();
        assertThat(stateUpdatesIn("\"select c.id from Cable c where c.state = :approved\"")).isEmpty();
    }

    @Test
    void noSourceFileOutsideReviewUpdatesTheStateInSqlOrJpql() throws IOException {
        Path root = Path.of("src/main/java/org/declass");
        Path review = root.resolve("review");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.startsWith(review)).toList()) {
                for (String hit : stateUpdatesIn(Files.readString(f, StandardCharsets.UTF_8))) {
                    offenders.add(root.relativize(f) + ": " + hit.replaceAll("\\s+", " "));
                }
            }
        }
        assertThat(offenders).as("SQL/JPQL updates of the workflow state outside org.declass.review").isEmpty();
    }
}
