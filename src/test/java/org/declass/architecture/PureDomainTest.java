package org.declass.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import org.junit.jupiter.api.Test;

/**
 * The marking vocabulary, the redactor and the cable parser are plain Java: no framework (jakarta, io.quarkus,
 * org.hibernate, com.fasterxml, io.vertx, ...) and no Declass feature beyond the ones named here, so that they can be
 * run, tested and reasoned about without a server.
 */
class PureDomainTest {

    @Test
    void theMarkingPackageDependsOnNothingButTheJavaLibrary() {
        classes().that().resideInAPackage("org.declass.marking..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.declass.marking..")
                .check(DeclassClasses.MAIN);
    }

    @Test
    void theCableIdPackageDependsOnNothingButTheJavaLibrary() {
        classes().that().resideInAPackage("org.declass.cableid..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.declass.cableid..")
                .check(DeclassClasses.MAIN);
    }

    @Test
    void theRedactionPackageDependsOnlyOnTheJavaLibraryAndTheMarkingVocabulary() {
        classes().that().resideInAPackage("org.declass.redaction..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.declass.marking..", "org.declass.redaction..")
                .check(DeclassClasses.MAIN);
    }

    @Test
    void theCableParserDependsOnlyOnTheJavaLibraryTheMarkingVocabularyAndCableIds() {
        classes().that().resideInAPackage("org.declass.ingest.parser..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.declass.marking..", "org.declass.cableid..",
                        "org.declass.ingest.parser..")
                .check(DeclassClasses.MAIN);
    }
}
