package dev.structscope.tests;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The claims of SECURITY.md that are about what the code can do at all, checked over every main
 * class of every module: nothing deserializes Java objects, evaluates scripts, loads or defines
 * classes or starts processes, except the one documented place ({@code --cpp}, which runs the
 * system preprocessor on a header the user named); JSON is read as a tree, never into types the
 * input names; the multiprocessing authkey answer is compared in constant time.
 */
class SecurityRulesTest {
    private static JavaClasses main;

    @BeforeAll
    static void importClasses() {
        main = ProductionClasses.load();
        assertTrue(main.size() > 100, "main classes imported: " + main.size());
    }

    @Test
    void nothingDeserializesObjectsEvaluatesScriptsOrLoadsCode() {
        ArchRule rule = noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream")
                .orShould().dependOnClassesThat().resideInAnyPackage("javax.script..", "java.rmi..", "javax.naming..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLClassLoader")
                .orShould().callMethod(ClassLoader.class, "loadClass", String.class)
                .orShould().callMethod(Class.class, "forName", String.class)
                .orShould().callMethod(java.lang.invoke.MethodHandles.Lookup.class, "defineClass", byte[].class)
                .because("layouts, headers, documents and captures are data: nothing in them is ever run");
        rule.check(main);
    }

    @Test
    void onlyTheCppOptionStartsAProcess() {
        ArchRule rule = noClasses().that().doNotHaveFullyQualifiedName("dev.structscope.io.headers.ExternalCpp")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
                .orShould().callMethod(Runtime.class, "exec", String.class)
                .orShould().callMethod(Runtime.class, "exec", String[].class)
                .because("the only program StructScope runs is the system C preprocessor, and only with --cpp");
        rule.check(main);
        // And the rule sees the one place that does: it is not vacuous.
        ArchRule anyone = noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder");
        assertTrue(anyone.evaluate(main).hasViolation(), "ExternalCpp's ProcessBuilder must be seen");
    }

    @Test
    void jsonIsNeverBoundToTypesTheInputNames() {
        ArchRule rule = noClasses().should().callMethodWhere(
                        com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                                com.tngtech.archunit.base.DescribedPredicate.describe("default typing",
                                        t -> t.getName().contains("DefaultTyping") || t.getName().equals("enableDefaultTyping"))))
                .orShould().dependOnClassesThat().haveFullyQualifiedName("com.fasterxml.jackson.annotation.JsonTypeInfo")
                .because("polymorphic typing lets a document choose the classes Jackson creates");
        rule.check(main);
    }

    @Test
    void theAuthkeyAnswerIsComparedInConstantTime() {
        ArchRule rule = classes().that().haveFullyQualifiedName("dev.structscope.io.net.MpAuth")
                .should().callMethod(MessageDigest.class, "isEqual", byte[].class, byte[].class)
                .because("a comparison that stops at the first differing byte leaks the expected HMAC by timing");
        rule.check(main);
    }
}
