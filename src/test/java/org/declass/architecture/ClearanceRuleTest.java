package org.declass.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.declass.marking.ClassificationLevel;
import org.declass.security.Reader;
import org.junit.jupiter.api.Test;

/**
 * Only {@code org.declass.security} compares a reader's clearance with a level ({@code security.Disclosure} is the one
 * decision): nothing else reads the clearance or the NOFORN eligibility off a {@link Reader}, and nothing outside
 * {@code security} and the marking vocabulary itself compares two levels with {@link ClassificationLevel#covers}.
 * Error messages that name the reader's clearance use {@link Reader#describeClearance()}.
 */
class ClearanceRuleTest {

    @Test
    void noClassOutsideSecurityReadsAReadersClearanceOrNofornEligibility() {
        noClasses().that().resideOutsideOfPackage("org.declass.security..")
                .should().callMethod(Reader.class, "clearance")
                .orShould().callMethod(Reader.class, "nofornEligible")
                .because("security.Disclosure is the one place that compares a clearance with a level")
                .check(DeclassClasses.MAIN);
    }

    @Test
    void noClassOutsideSecurityAndMarkingComparesLevelsWithCovers() {
        noClasses().that().resideOutsideOfPackages("org.declass.security..", "org.declass.marking..")
                .should().callMethod(ClassificationLevel.class, "covers", ClassificationLevel.class)
                .because("a clearance check outside security.Disclosure is a second decision that can drift")
                .check(DeclassClasses.MAIN);
    }
}
