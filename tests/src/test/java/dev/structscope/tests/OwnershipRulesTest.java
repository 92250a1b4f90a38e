package dev.structscope.tests;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The claims of {@code docs/dev/architecture.md} that {@link ArchitectureTest} does not already
 * check: the columnar writers know neither the app nor JavaFX, the model starts no threads, native
 * memory is allocated only by the classes the document names as its owners, and view models hold
 * no nodes. Each rule is paired with a check that the same rule shape reports a case that exists,
 * so that an empty import cannot make it pass. Main classes only, from the class path.
 */
class OwnershipRulesTest {
    private static JavaClasses classes;

    /** The classes that allocate native memory, each the owner of what it allocates (architecture.md, "Native memory"). */
    static final Set<String> ARENA_OWNERS = Set.of(
            "dev.structscope.io.source.MappedFileSource",
            "dev.structscope.io.source.InMemorySource",
            "dev.structscope.io.net.StreamConnection",
            "dev.structscope.io.net.UdpCapture",
            "dev.structscope.io.net.SerialLine",
            "dev.structscope.io.net.PcapngReader",
            "dev.structscope.io.net.live.NativeSlabs",
            "dev.structscope.app.hexview.EditedSource",
            "dev.structscope.app.cli.SendCommand",
            "dev.structscope.app.live.compose.ComposeViewModel");

    /** A call that makes a new arena: {@code Arena.ofShared/ofConfined/ofAuto/global}. */
    static final DescribedPredicate<JavaCall<?>> MAKES_AN_ARENA = new DescribedPredicate<>("a call making a java.lang.foreign.Arena") {
        @Override
        public boolean test(JavaCall<?> call) {
            return call.getTargetOwner().getFullName().equals("java.lang.foreign.Arena")
                    && Set.of("ofShared", "ofConfined", "ofAuto", "global").contains(call.getName());
        }
    };

    @BeforeAll
    static void importClasses() {
        classes = ProductionClasses.load();
    }

    private static String outer(JavaClass c) {
        return c.getName().replaceFirst("\\$.*", "");
    }

    @Test
    void theColumnarWritersDependOnNeitherAppNorJavaFx() {
        ArchitectureTest.assertIndependent(classes, "dev.structscope.columnar", 0,
                "convert runs headless, and the writers are shared with tools that have no window",
                "dev.structscope.app..", "javafx..");
    }

    @Test
    void theModelStartsNoThreads() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.structscope.model..")
                .should().callCodeUnitWhere(ArchitectureTest.STARTS_THREADS)
                .because("the model is pure functions over immutable values, called from whichever thread needs them");
        rule.check(classes);
        ArchRule engine = noClasses().that().resideInAPackage("dev.structscope.io..")
                .should().callCodeUnitWhere(ArchitectureTest.STARTS_THREADS);
        assertTrue(engine.evaluate(classes).hasViolation(), "the engine's capture threads must be seen by the same rule");
    }

    @Test
    void nativeMemoryIsAllocatedOnlyByItsNamedOwners() {
        ArchRule rule = noClasses().that(DescribedPredicate.describe("not a named owner of native memory",
                        (JavaClass c) -> !ARENA_OWNERS.contains(outer(c))))
                .should().callCodeUnitWhere(MAKES_AN_ARENA)
                .because("each arena has one owner that closes it (docs/dev/architecture.md lists them)");
        rule.check(classes);
        ArchitectureTest.assertStillBreaking(classes, ARENA_OWNERS, owner -> noClasses()
                        .that(DescribedPredicate.describe(owner, (JavaClass c) -> outer(c).equals(owner)))
                        .should().callCodeUnitWhere(MAKES_AN_ARENA),
                "makes an arena (take it off the document too)");
    }

    @Test
    void viewModelsHoldNoNodes() {
        long viewModels = classes.stream().filter(c -> c.getSimpleName().endsWith("ViewModel")).count();
        assertTrue(viewModels > 10, "view models imported: " + viewModels);
        ArchRule rule = noFields().that().areDeclaredInClassesThat().haveSimpleNameEndingWith("ViewModel")
                .should().haveRawType(JavaClass.Predicates.assignableTo("javafx.scene.Node"))
                .because("a view model holds state and commands; its view holds the nodes and binds to it");
        rule.check(classes);
        ArchRule views = noFields().that().areDeclaredInClassesThat().haveSimpleNameEndingWith("View")
                .should().haveRawType(JavaClass.Predicates.assignableTo("javafx.scene.Node"));
        assertTrue(views.evaluate(classes).hasViolation(), "views hold nodes: the same rule must see it");
    }
}
