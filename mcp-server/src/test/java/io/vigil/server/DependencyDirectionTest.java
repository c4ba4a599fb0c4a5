package io.vigil.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: detectors ← tools ← agent ← mcp-server; prompts is used by agent and
 * the application; simulation uses tools and agent and only the application uses it. Maven module
 * boundaries already forbid most reverse edges; this also catches frameworks leaking into the
 * pure-statistics core through a transitive dependency.
 */
class DependencyDirectionTest {

  private static JavaClasses vigil;

  @BeforeAll
  static void importVigil() {
    vigil =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.vigil");
  }

  @Test
  void detectors_dependOnNoOtherModuleAndNoFramework() {
    noClasses()
        .that()
        .resideInAPackage("io.vigil.detectors..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.vigil.tools..",
            "io.vigil.prompts..",
            "io.vigil.agent..",
            "io.vigil.simulation..",
            "io.vigil.server..",
            "org.springframework..",
            "dev.langchain4j..",
            "io.modelcontextprotocol..",
            "java.sql..",
            "javax.sql..")
        .check(vigil);
  }

  @Test
  void tools_dependOnlyOnDetectors() {
    noClasses()
        .that()
        .resideInAPackage("io.vigil.tools..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.vigil.prompts..", "io.vigil.agent..", "io.vigil.simulation..", "io.vigil.server..")
        .check(vigil);
  }

  @Test
  void prompts_dependOnNoOtherModule() {
    noClasses()
        .that()
        .resideInAPackage("io.vigil.prompts..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.vigil.detectors..",
            "io.vigil.tools..",
            "io.vigil.agent..",
            "io.vigil.simulation..",
            "io.vigil.server..")
        .allowEmptyShould(true)
        .check(vigil);
  }

  @Test
  void agent_neverReachesTheApplicationOrTheSimulation() {
    noClasses()
        .that()
        .resideInAPackage("io.vigil.agent..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.vigil.simulation..", "io.vigil.server..")
        .allowEmptyShould(true)
        .check(vigil);
  }

  @Test
  void simulation_neverReachesTheApplication() {
    noClasses()
        .that()
        .resideInAPackage("io.vigil.simulation..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.vigil.server..")
        .allowEmptyShould(true)
        .check(vigil);
  }
}
