package dev.structscope.tests;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layering of the modules, enforced in the build: {@code model} ← {@code io-engine} ←
 * {@code app}. The model (types, ABIs, layout, documents) must stay usable headless and from
 * any thread, so it may know neither the engine, the app nor JavaFX; the engine may not know
 * the app or JavaFX. Classes are imported from the class path, main code only.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.structscope");
    }

    @Test
    void theModelDependsOnNeitherEngineNorAppNorJavaFx() {
        // The model has many classes; finding none would make the rule pass vacuously.
        long modelClasses = classes.stream().filter(c -> c.getPackageName().startsWith("dev.structscope.model")).count();
        assertTrue(modelClasses > 20, "model classes imported: " + modelClasses);
        ArchRule rule = noClasses().that().resideInAPackage("dev.structscope.model..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.structscope.io..", "dev.structscope.app..", "javafx..")
                .because("the model is pure data and algorithms, shared by the CLI, the engine and the GUI");
        rule.check(classes);
    }

    @Test
    void theEngineDependsOnNeitherAppNorJavaFx() {
        long engineClasses = classes.stream().filter(c -> c.getPackageName().startsWith("dev.structscope.io")).count();
        assertTrue(engineClasses > 0, "io-engine classes imported: " + engineClasses);
        ArchRule rule = noClasses().that().resideInAPackage("dev.structscope.io..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.structscope.app..", "javafx..")
                .because("the engine runs headless in the CLI and in benchmarks");
        rule.check(classes);
    }

    @Test
    void theRulesDetectADependencyWhereThereIsOne() {
        // The app does use JavaFX and the model: the same rule shapes must report it, or they prove nothing.
        long appClasses = classes.stream().filter(c -> c.getPackageName().startsWith("dev.structscope.app")).count();
        assertTrue(appClasses > 0, "app classes imported: " + appClasses);
        ArchRule appUsesModel = noClasses().that().resideInAPackage("dev.structscope.app..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.structscope.model..");
        assertTrue(appUsesModel.evaluate(classes).hasViolation(), "a known dependency app → model must be seen");
        ArchRule appUsesJavaFx = noClasses().that().resideInAPackage("dev.structscope.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..");
        assertTrue(appUsesJavaFx.evaluate(classes).hasViolation(), "a known dependency app → javafx must be seen");
    }
}
