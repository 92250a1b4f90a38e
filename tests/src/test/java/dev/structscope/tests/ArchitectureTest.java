package dev.structscope.tests;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layering of the modules, enforced in the build: {@code model} ← {@code io-engine} ←
 * {@code app}. The model (types, ABIs, layout, documents) must stay usable headless and from
 * any thread, so it may know neither the engine, the app nor JavaFX, and it reads no files and
 * starts no programs (header files and the C preprocessor reach it through a {@code HeaderSource}
 * the engine implements); the engine may not know the app or JavaFX. Classes are imported from
 * the class path, main code only.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ProductionClasses.load();
    }

    @Test
    void theModelDependsOnNeitherEngineNorAppNorJavaFx() {
        // The model has many classes; finding none would make the rule pass vacuously.
        assertIndependent(classes, "dev.structscope.model", 20,
                "the model is pure data and algorithms, shared by the CLI, the engine and the GUI",
                "dev.structscope.io..", "dev.structscope.app..", "javafx..");
    }

    @Test
    void theEngineDependsOnNeitherAppNorJavaFx() {
        assertIndependent(classes, "dev.structscope.io", 0, "the engine runs headless in the CLI and in benchmarks",
                "dev.structscope.app..", "javafx..");
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

    /**
     * Checks that no class of package {@code pkg} (and below) depends on the {@code forbidden}
     * packages, after making sure more than {@code atLeast} of its classes were imported (else the
     * rule would pass vacuously).
     */
    static void assertIndependent(JavaClasses classes, String pkg, int atLeast, String because, String... forbidden) {
        long imported = classes.stream().filter(c -> c.getPackageName().startsWith(pkg)).count();
        assertTrue(imported > atLeast, pkg + " classes imported: " + imported);
        noClasses().that().resideInAPackage(pkg + "..").should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .because(because).check(classes);
    }

    /**
     * Checks that every class still listed in {@code pending} as an allowed exception breaks its
     * rule ({@code ruleFor}); one that no longer {@code does} must come off the list.
     */
    static void assertStillBreaking(JavaClasses classes, java.util.Set<String> pending,
            java.util.function.Function<String, ArchRule> ruleFor, String does) {
        for (String p : pending) {
            assertTrue(ruleFor.apply(p).evaluate(classes).hasViolation(), p + " no longer " + does + ": take it off the list");
        }
    }

    /** Classes (with their nested classes) not named in {@code listed}: the exceptions a rule still allows. */
    static com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> notListed(
            String description, java.util.Set<String> listed) {
        return com.tngtech.archunit.base.DescribedPredicate.describe(description,
                c -> !listed.contains(c.getName().replaceFirst("\\$.*", "")));
    }

    /**
     * Model classes allowed to touch files while they wait to move to the engine. Empty now (header
     * files and cpp went behind HeaderSource, saving to io.file.AtomicFile, reading documents to
     * io.file.DocumentFiles); a class added here must be moved and taken off again.
     */
    static final java.util.Set<String> MODEL_FILE_WORK_NOT_YET_MOVED = java.util.Set.of();

    /** Reading or writing files, or starting a program: the file and process classes of the JDK. */
    static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> FILES_OR_PROCESSES =
            com.tngtech.archunit.base.DescribedPredicate.describe("file or process classes (java.io.File*, "
                    + "RandomAccessFile, java.nio.file.Files, FileChannel, ProcessBuilder, Runtime)",
                    c -> c.getName().startsWith("java.io.File") || java.util.Set.of("java.io.RandomAccessFile",
                            "java.nio.file.Files", "java.nio.channels.FileChannel",
                            "java.nio.channels.AsynchronousFileChannel", "java.lang.ProcessBuilder", "java.lang.Process",
                            "java.lang.Runtime").contains(c.getName()));

    @Test
    void theModelReadsNoFilesAndStartsNoProgram() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.structscope.model..")
                .and(notListed("not waiting to move to the engine", MODEL_FILE_WORK_NOT_YET_MOVED))
                .should().dependOnClassesThat(FILES_OR_PROCESSES)
                .because("the model parses the text and bytes it is handed: header files and the C preprocessor "
                        + "reach it through a HeaderSource the engine implements (io.headers.LocalHeaders)");
        rule.check(classes);
    }

    @Test
    void theFileRuleSeesFileWorkWhereThereIsSome() {
        // The engine's header source reads files and runs the preprocessor: the rule must see it, or it proves nothing.
        ArchRule engine = noClasses().that().resideInAPackage("dev.structscope.io.headers..")
                .should().dependOnClassesThat(FILES_OR_PROCESSES);
        assertTrue(engine.evaluate(classes).hasViolation(), "LocalHeaders' and ExternalCpp's file and process work must be seen");
        assertStillBreaking(classes, MODEL_FILE_WORK_NOT_YET_MOVED,
                pending -> noClasses().that().haveFullyQualifiedName(pending).should().dependOnClassesThat(FILES_OR_PROCESSES),
                "touches files");
    }

    /**
     * Classes allowed to start their own background threads while they wait to move onto the
     * runner. Empty now (the hex explorer's open, search, file watching, saving and the record
     * table's statistics moved); a class added here must be moved and taken off again.
     */
    static final java.util.Set<String> NOT_YET_ON_THE_RUNNER = java.util.Set.of();

    /** Starting a thread or an executor of one's own, in any of the ways the JDK offers. */
    static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaCall<?>> STARTS_THREADS =
            new com.tngtech.archunit.base.DescribedPredicate<>("a new Thread, Thread.ofVirtual/ofPlatform/startVirtualThread, "
                    + "an Executors factory, ForkJoinPool.commonPool, CompletableFuture.*Async or a java.util.Timer") {
                @Override
                public boolean test(com.tngtech.archunit.core.domain.JavaCall<?> call) {
                    String owner = call.getTargetOwner().getFullName();
                    String name = call.getName();
                    return switch (owner) {
                        case "java.lang.Thread" -> name.equals("<init>") || name.equals("ofVirtual")
                                || name.equals("ofPlatform") || name.equals("startVirtualThread");
                        case "java.util.concurrent.Executors" -> name.startsWith("new");
                        case "java.util.concurrent.ForkJoinPool" -> name.equals("commonPool") || name.equals("<init>");
                        case "java.util.concurrent.CompletableFuture" -> name.endsWith("Async");
                        case "java.util.Timer", "java.util.concurrent.ThreadPoolExecutor",
                             "java.util.concurrent.ScheduledThreadPoolExecutor" -> name.equals("<init>");
                        default -> call.getTargetOwner().isAssignableTo(Thread.class) && name.equals("<init>");
                    };
                }
            };

    @Test
    void theAppStartsBackgroundWorkOnlyThroughTheTaskRunner() {
        // Main's one thread is the CLI command itself, on a stack deep enough for --max-depth
        // (Limits.STACK_BYTES), joined at once: the foreground, not background work.
        ArchRule rule = noClasses().that().resideInAPackage("dev.structscope.app..")
                .and().haveNameNotMatching("dev\\.structscope\\.app\\.common\\.TaskRunner(\\$.*)?")
                .and().doNotHaveFullyQualifiedName("dev.structscope.app.Main")
                .and(notListed("not waiting to move onto the runner", NOT_YET_ON_THE_RUNNER))
                .should().callCodeUnitWhere(STARTS_THREADS)
                .because("one runner starts background work: cancellable, with progress, never on the FX thread");
        rule.check(classes);
    }

    @Test
    void theRunnerRuleSeesThreadsWhereThereAreSome() {
        // The runner itself does start threads: the same rule must report it, or it proves nothing.
        ArchRule runner = noClasses().that().haveFullyQualifiedName("dev.structscope.app.common.TaskRunner")
                .should().callCodeUnitWhere(STARTS_THREADS);
        assertTrue(runner.evaluate(classes).hasViolation(), "TaskRunner.forApp's executors must be seen");
        assertStillBreaking(classes, NOT_YET_ON_THE_RUNNER, pending -> noClasses().that().haveFullyQualifiedName(pending)
                .or().haveNameMatching(java.util.regex.Pattern.quote(pending) + "\\$.*").should().callCodeUnitWhere(STARTS_THREADS),
                "starts threads");
    }

    /** picocli's annotations: reading any of them makes the JDK generate a proxy class at every start. */
    static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> PICOCLI_ANNOTATIONS =
            com.tngtech.archunit.base.DescribedPredicate.describe("picocli's annotations (@Command, @Option, @Parameters, @Mixin, ...)",
                    c -> c.getName().startsWith("picocli.CommandLine$") && c.isAnnotation());

    @Test
    void theCommandLineIsDeclaredInCode() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.structscope..")
                .should().dependOnClassesThat(PICOCLI_ANNOTATIONS)
                .because("the commands are declared on picocli's programmatic model (app.cli.CliSpec): to read an"
                        + " annotation the JDK generates a proxy class at run time, which no AOT cache holds (~75 ms a start)");
        rule.check(classes);
        // picocli's own help mixin is declared with annotations: the rule must see that, or it proves nothing.
        JavaClasses mixin = new com.tngtech.archunit.core.importer.ClassFileImporter().importPackages("picocli");
        assertTrue(noClasses().should().dependOnClassesThat(PICOCLI_ANNOTATIONS).evaluate(mixin).hasViolation(),
                "picocli's annotated AutoHelpMixin must be seen");
    }

    @Test
    void theAppsPublicFieldsAreFinal() {
        // View models and views expose their state as public fields (JavaFX properties, observable
        // lists, child nodes) instead of accessors; the fields must be there to stay, or a view
        // would bind to a property its model has since replaced.
        long exposed = classes.stream().filter(c -> c.getPackageName().startsWith("dev.structscope.app"))
                .flatMap(c -> c.getFields().stream())
                .filter(f -> f.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)).count();
        assertTrue(exposed > 100, "public fields of app classes imported: " + exposed);
        ArchRule rule = fields().that().areDeclaredInClassesThat().resideInAPackage("dev.structscope.app..")
                .and().arePublic().should().beFinal()
                .because("view models expose their state as public final JavaFX property fields that views bind to");
        rule.check(classes);
    }
}
