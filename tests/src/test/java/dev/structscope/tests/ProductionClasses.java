package dev.structscope.tests;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The classes the architecture rules judge: StructScope's main code, without any test code. ArchUnit's
 * own "no tests" option knows test class folders but not a module's test jar ({@code *-tests.jar}),
 * which this module depends on for app's test fixtures and which a full {@code verify} puts on the
 * class path as a jar.
 */
final class ProductionClasses {
    private ProductionClasses() {
    }

    static JavaClasses load() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.structscope");
    }
}
