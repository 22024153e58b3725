package cn.gov.linfen.fenhe.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RestController;

/**
 * The architecture of docs/architecture.md, checked on every build: a dependency that runs the
 * wrong way fails the build. Four parts, each a set of packages of {@code cn.gov.linfen.fenhe}:
 *
 * <ul>
 *   <li><b>common</b> — the shared vocabulary (typed refusals, counties, groups, escalation
 *       contract, the clock): plain Java, depends on nothing of Fenhe;
 *   <li><b>platform</b> — engine plugins and guards, calendar, identity, security, web, audit,
 *       supervision: knows no procedure and no worker;
 *   <li><b>procedures</b> — one package per procedure: its contract, checks, rules and engine
 *       wiring; may use the platform and common, never a worker or another procedure;
 *   <li><b>workers</b> — external-task handlers only: read, call the procedure's rule, complete;
 *       they talk to the engine over REST (the external task client), so they may use common and
 *       the procedures' contracts and rules, never the platform nor the engine's Java API.
 * </ul>
 */
@AnalyzeClasses(packages = "cn.gov.linfen.fenhe", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  static final String COMMON = "cn.gov.linfen.fenhe.common..";
  static final String PROCEDURES = "cn.gov.linfen.fenhe.procedures..";
  static final String WORKERS = "cn.gov.linfen.fenhe.workers..";
  static final String[] PLATFORM = {
    "cn.gov.linfen.fenhe.engine..",
    "cn.gov.linfen.fenhe.calendar..",
    "cn.gov.linfen.fenhe.identity..",
    "cn.gov.linfen.fenhe.security..",
    "cn.gov.linfen.fenhe.web..",
    "cn.gov.linfen.fenhe.audit..",
    "cn.gov.linfen.fenhe.supervision..",
    "cn.gov.linfen.fenhe.time..",
    "cn.gov.linfen.fenhe.config.."
  };

  @ArchTest
  static final ArchRule common_depends_on_nothing_of_fenhe =
      classes()
          .that()
          .resideInAPackage(COMMON)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(COMMON, "java..", "com.fasterxml.jackson..")
          .because("common is the vocabulary every part shares; it must not pull any part in");

  @ArchTest
  static final ArchRule platform_knows_no_procedure_and_no_worker =
      noClasses()
          .that()
          .resideInAnyPackage(PLATFORM)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(PROCEDURES, WORKERS)
          .because("a procedure plugs into the platform, never the other way round");

  @ArchTest
  static final ArchRule procedures_never_use_workers =
      noClasses()
          .that()
          .resideInAPackage(PROCEDURES)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(WORKERS)
          .because("workers run the procedures' steps; the procedure does not know who runs them");

  @ArchTest
  static final ArchRule workers_never_use_the_platform =
      noClasses()
          .that()
          .resideInAPackage(WORKERS)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(PLATFORM)
          .because("a worker may run in a jar of its own, against a remote engine");

  @ArchTest
  static final ArchRule workers_never_use_the_engine_java_api =
      noClasses()
          .that()
          .resideInAPackage(WORKERS)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.camunda.bpm.engine..")
          .because("workers talk to the engine over REST, through the external task client");

  @ArchTest
  static final ArchRule workers_never_use_a_procedure_s_engine_wiring =
      noClasses()
          .that()
          .resideInAPackage(WORKERS)
          .should()
          .dependOnClassesThat(
              com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(PROCEDURES)
                  .and(
                      com.tngtech.archunit.base.DescribedPredicate.describe(
                          "engine wiring (configurations and controllers)",
                          type ->
                              type.isAnnotatedWith(Configuration.class)
                                  || type.isAnnotatedWith(RestController.class))))
          .because("a worker uses a procedure's contract and rules, not its engine-side wiring");

  @ArchTest
  static final ArchRule procedures_are_independent_of_each_other =
      slices()
          .matching("cn.gov.linfen.fenhe.procedures.(*)..")
          .should()
          .notDependOnEachOther()
          .because("each procedure can be added, changed or retired alone");

  @ArchTest
  static final ArchRule workers_of_procedures_are_independent_of_each_other =
      slices()
          .matching("cn.gov.linfen.fenhe.workers.(p*)..")
          .should()
          .notDependOnEachOther();
}
