package dev.layerfit.house;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of ARCHITECTURE.md, checked on the compiled product classes: dependencies point down
 * (cli → report → check → deployment model / readers → core), and the product never imports the dev package.
 */
class PackageRulesTest {

    static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.layerfit");
    }

    @Test
    void onlyTheCommandLineKnowsTheCommandLine() {
        noClasses().that().resideOutsideOfPackages("dev.layerfit.cli..", "dev.layerfit.dev..")
                .should().dependOnClassesThat().resideInAPackage("dev.layerfit.cli..").check(product);
    }

    @Test
    void theProductNeverImportsTheDevPackage() {
        noClasses().that().resideOutsideOfPackage("dev.layerfit.dev..")
                .should().dependOnClassesThat().resideInAPackage("dev.layerfit.dev..").check(product);
    }

    @Test
    void reportsAreUsedOnlyByTheCommandLine() {
        noClasses().that().resideOutsideOfPackages("dev.layerfit.report..", "dev.layerfit.cli..", "dev.layerfit.dev..")
                .should().dependOnClassesThat().resideInAPackage("dev.layerfit.report..").check(product);
    }

    @Test
    void checkIsAboveTheModelTheReadersAndTheCore() {
        // audit runs checks over an account: it sits above check, beside the command line
        noClasses().that().resideOutsideOfPackages("dev.layerfit.check..", "dev.layerfit.audit..", "dev.layerfit.report..",
                        "dev.layerfit.cli..", "dev.layerfit.dev..")
                .should().dependOnClassesThat().resideInAPackage("dev.layerfit.check..").check(product);
    }

    @Test
    void theCoreDependsOnNothingAboveIt() {
        noClasses().that().resideInAnyPackage("dev.layerfit.error..", "dev.layerfit.progress..", "dev.layerfit.io..",
                        "dev.layerfit.lambda..", "dev.layerfit.archive..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.layerfit.inventory..", "dev.layerfit.deployment..",
                        "dev.layerfit.project..", "dev.layerfit.pipeline..", "dev.layerfit.layer..", "dev.layerfit.aws..",
                        "dev.layerfit.python..", "dev.layerfit.lock..", "dev.layerfit.check..", "dev.layerfit.report..",
                        "dev.layerfit.cli..")
                .check(product);
    }

    @Test
    void noPackageIsNamedBuild() {
        // tools and readers take a folder named build for build output (issue 14 item 16): name a package for what it does
        noClasses().should().resideInAPackage("..build..").check(product);
    }

    @Test
    void eachTypeNameIsOneTypeInThePackageThatOwnsItsConcern() {
        // two HttpRangeSource, Json or Located types (issue 14 item 16) left a reader guessing which one a file means:
        // no two top-level types share a name, and those three are one type each even counting nested ones
        java.util.Map<String, java.util.List<String>> byName = new java.util.TreeMap<>();
        product.stream().filter(c -> !c.isAnonymousClass() && !c.isLocalClass() && !c.getSimpleName().equals("package-info"))
                .filter(c -> c.getEnclosingClass().isEmpty() || java.util.Set.of("Json", "Located", "HttpRangeSource")
                        .contains(c.getSimpleName()))
                .forEach(c -> byName.computeIfAbsent(c.getSimpleName(), k -> new java.util.ArrayList<>()).add(c.getName()));
        byName.values().removeIf(names -> names.size() < 2);
        org.assertj.core.api.Assertions.assertThat(byName).isEmpty();
        org.assertj.core.api.Assertions.assertThat(product.contain("dev.layerfit.archive.HttpRangeSource")).isTrue();
    }
}
