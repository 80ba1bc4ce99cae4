package app.retake.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules of DESIGN.md that keep the code livable, checked on every build. */
@AnalyzeClasses(packages = "app.retake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyUiAndAppTouchTheSceneGraph = noClasses()
            .that().resideOutsideOfPackages("app.retake.ui..", "app.retake.app..")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .because("domain packages must stay plain Java, testable without a display");

    @ArchTest
    static final ArchRule onlyUiAndAppUseJavaFx = noClasses()
            .that().resideOutsideOfPackages("app.retake.ui..", "app.retake.app..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("JavaFX threading and properties belong to the screens");

    @ArchTest
    static final ArchRule featuresNeverImportTheUi = noClasses()
            .that().resideOutsideOfPackages("app.retake.ui..", "app.retake.app..")
            .should().dependOnClassesThat().resideInAPackage("app.retake.ui..");

    @ArchTest
    static final ArchRule nothingDependsOnTheLauncherPackage = noClasses()
            .that().resideOutsideOfPackage("app.retake.app..")
            .should().dependOnClassesThat().resideInAPackage("app.retake.app..")
            .because("app is the top: it wires everything and nothing reaches back into it");

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("app.retake.(*)..").should().beFreeOfCycles();
}
