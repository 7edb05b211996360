package org.featurelab.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.featurelab.linalg.PlantedUpwardDependency;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The layering of docs/architecture.md, checked on the compiled main classes (ArchUnit reads the bytecode, so an
 * import that is only used in javadoc does not count): every class lies in a package of {@link Layers#ALLOWED} and
 * uses only its own package, the packages the graph allows it, the JDK and the third-party libraries its layer may
 * use ({@link Layers#THIRD_PARTY}). The graph itself is acyclic by construction (a package may only use packages
 * declared before it).
 */
class LayeringTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(Layers.ROOT);

    /** Classes of {@code pkg} depend on featurelab classes of {@code pkg} and its allowed packages only. */
    static ArchRule layerRule(String pkg) {
        Set<String> allowed = Layers.ALLOWED.get(pkg);
        List<String> packages = new ArrayList<>();
        packages.add(Layers.ROOT + "." + pkg);
        for (String a : allowed) {
            packages.add(Layers.ROOT + "." + a);
        }
        return classes().that().resideInAPackage(Layers.ROOT + "." + pkg)
                .should().onlyDependOnClassesThat(not(resideInAPackage(Layers.ROOT + ".."))
                        .or(resideInAnyPackage(packages.toArray(String[]::new))))
                .because(pkg + " may use only " + allowed + " (docs/architecture.md)");
    }

    /** Only the packages of {@code users} may use the third-party packages {@code library}. */
    static ArchRule libraryRule(String library, Set<String> users) {
        String[] own = users.stream().map(u -> Layers.ROOT + "." + u).toArray(String[]::new);
        return noClasses().that().resideInAPackage(Layers.ROOT + "..").and(not(resideInAnyPackage(own)))
                .should().dependOnClassesThat().resideInAPackage(library)
                .because(library + " is for " + users + " only (docs/architecture.md)");
    }

    @Test
    void everyClassLiesInADeclaredPackage() {
        Set<String> undeclared = new TreeSet<>();
        for (JavaClass c : MAIN) {
            String pkg = c.getPackageName();
            String relative = pkg.equals(Layers.ROOT) ? "" : pkg.substring(Layers.ROOT.length() + 1);
            if (!Layers.ALLOWED.containsKey(relative)) {
                undeclared.add(c.getName());
            }
        }
        assertTrue(undeclared.isEmpty(), "classes outside the declared packages of Layers: " + undeclared);
        assertTrue(MAIN.size() > 200, "imported only " + MAIN.size() + " main classes");
    }

    @Test
    void packagesUseOnlyTheLayersBelowThem() {
        List<String> failures = new ArrayList<>();
        for (String pkg : Layers.ALLOWED.keySet()) {
            EvaluationResult r = layerRule(pkg).allowEmptyShould(true).evaluate(MAIN);
            if (r.hasViolation()) {
                failures.add(r.getFailureReport().toString());
            }
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
    }

    @Test
    void thirdPartyLibrariesStayInTheirLayers() {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : Layers.THIRD_PARTY.entrySet()) {
            EvaluationResult r = libraryRule(e.getKey(), e.getValue()).evaluate(MAIN);
            if (r.hasViolation()) {
                failures.add(r.getFailureReport().toString());
            }
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
    }

    /** The check is not vacuous: a linalg class of the test sources that calls into cli is caught, and named. */
    @Test
    void catchesAPlantedUpwardDependency() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedUpwardDependency.class);
        EvaluationResult r = layerRule("linalg").evaluate(planted);
        assertTrue(r.hasViolation(), "the planted linalg -> cli dependency was not reported");
        String report = r.getFailureReport().toString();
        assertTrue(report.contains(PlantedUpwardDependency.class.getName()) && report.contains("org.featurelab.cli.Main"),
                report);
        EvaluationResult lib = libraryRule("picocli..", Layers.THIRD_PARTY.get("picocli..")).evaluate(planted);
        assertTrue(lib.hasViolation(), "the planted linalg -> picocli dependency was not reported");
    }
}
