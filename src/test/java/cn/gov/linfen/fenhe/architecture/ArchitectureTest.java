package cn.gov.linfen.fenhe.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.config.EngineRole;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;
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
@AnalyzeClasses(
    packages = "cn.gov.linfen.fenhe",
    importOptions = ImportOption.DoNotIncludeTests.class)
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
    "cn.gov.linfen.fenhe.config..",
    "cn.gov.linfen.fenhe.cases..",
    "cn.gov.linfen.fenhe.materials..",
    "cn.gov.linfen.fenhe.documents..",
    "cn.gov.linfen.fenhe.workbench.."
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
              resideInAPackage(PROCEDURES)
                  .and(
                      DescribedPredicate.describe(
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
      slices().matching("cn.gov.linfen.fenhe.workers.(p*)..").should().notDependOnEachOther();

  /**
   * Where time may be read and a zone named: the clock itself ({@code time}, {@link FenheClock}).
   */
  static final DescribedPredicate<JavaClass> THE_CLOCK =
      resideInAPackage("cn.gov.linfen.fenhe.time..").or(equivalentTo(FenheClock.class));

  @ArchTest
  static final ArchRule time_is_read_from_the_one_clock =
      noClasses()
          .that(not(THE_CLOCK))
          .should()
          .callMethod(Instant.class, "now")
          .orShould()
          .callMethod(LocalDate.class, "now")
          .orShould()
          .callMethod(LocalDate.class, "now", ZoneId.class)
          .orShould()
          .callMethod(LocalDateTime.class, "now")
          .orShould()
          .callMethod(LocalDateTime.class, "now", ZoneId.class)
          .orShould()
          .callMethod(ZonedDateTime.class, "now")
          .orShould()
          .callMethod(ZonedDateTime.class, "now", ZoneId.class)
          .orShould()
          .callMethod(OffsetDateTime.class, "now")
          .orShould()
          .callMethod(Clock.class, "systemUTC")
          .orShould()
          .callMethod(Clock.class, "systemDefaultZone")
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callConstructor(Date.class)
          .orShould()
          .callMethod(ClockUtil.class, "getCurrentTime")
          .orShould()
          .callMethod(ClockUtil.class, "now")
          .because(
              "every date and deadline follows the FenheClock (the engine's clock in fenhe.time-zone),"
                  + " so moving the engine's clock moves them all");

  @ArchTest
  static final ArchRule the_zone_is_configured_not_named =
      noClasses()
          .that(not(THE_CLOCK))
          .should()
          .callMethod(ZoneId.class, "of", String.class)
          .because("the zone is fenhe.time-zone, given by the FenheClock");

  @ArchTest
  static final ArchRule configuration_is_typed_and_validated =
      classes()
          .that()
          .areAnnotatedWith(ConfigurationProperties.class)
          .should()
          .beRecords()
          .andShould()
          .beAnnotatedWith(Validated.class)
          .because(
              "one configuration style: a @ConfigurationProperties record, checked at start-up, its"
                  + " defaults documented next to its fields");

  @ArchTest
  static final ArchRule no_loose_property_injection =
      noFields()
          .should()
          .beAnnotatedWith(Value.class)
          .because("settings are read through @ConfigurationProperties records, not @Value");

  @ArchTest
  static final ArchRule no_loose_property_injection_in_methods =
      noMethods()
          .should()
          .beAnnotatedWith(Value.class)
          .andShould(
              new com.tngtech.archunit.lang.ArchCondition<JavaMethod>("have a @Value parameter") {
                @Override
                public void check(
                    JavaMethod method, com.tngtech.archunit.lang.ConditionEvents events) {
                  method.getParameters().stream()
                      .filter(parameter -> parameter.isAnnotatedWith(Value.class))
                      .forEach(
                          parameter ->
                              events.add(
                                  com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                                      method, method.getFullName() + " has a @Value parameter")));
                }
              })
          .because("settings are read through @ConfigurationProperties records, not @Value");

  @ArchTest
  static final ArchRule the_engine_role_is_stated_one_way =
      noClasses()
          .that(not(equivalentTo(EngineRole.class)))
          .should()
          .beAnnotatedWith(ConditionalOnProperty.class)
          .because("the engine role is @EngineRole");

  @ArchTest
  static final ArchRule the_engine_role_is_stated_one_way_on_beans =
      noMethods()
          .should()
          .beAnnotatedWith(ConditionalOnProperty.class)
          .because("the engine role is @EngineRole");
}
