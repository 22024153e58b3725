package cn.gov.linfen.fenhe.procedures.p1;

import cn.gov.linfen.fenhe.common.Yuan;
import cn.gov.linfen.fenhe.engine.ParsedOnceFeelEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;

/**
 * The standards read from the decision tables themselves (processes/p1-soe-reform-fund/*.dmn, on
 * the classpath of every role), evaluated by the Camunda DMN engine: the tables are the single
 * statement of the rules, the worker never repeats the numbers. FEEL as in the process engine: each
 * text parsed once ({@link ParsedOnceFeelEngine}).
 */
public class DmnStaffingStandards implements StaffingStandards {

  private final DmnEngine engine;
  private final DmnDecision limits;
  private final DmnDecision payCaps;

  public DmnStaffingStandards() {
    this.engine = ParsedOnceFeelEngine.dmnEngine();
    this.limits = parse(SoeReformFundProcess.Decisions.STAFFING_LIMITS);
    this.payCaps = parse(SoeReformFundProcess.Decisions.PAY_CAPS);
  }

  private DmnDecision parse(String key) {
    String resource = SoeReformFundProcess.Decisions.RESOURCE_FOLDER + key + ".dmn";
    try (InputStream in =
        DmnStaffingStandards.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("decision table not on the classpath: " + resource);
      }
      return engine.parseDecision(key, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public StaffingLimit limitFor(int employeeCount) {
    DmnDecisionResult result =
        engine.evaluateDecision(limits, Map.of("employeeCount", employeeCount));
    DmnDecisionResultEntries row = result.getSingleResult();
    if (row == null) {
      throw new IllegalStateException("no staffing band for " + employeeCount + " employees");
    }
    return new StaffingLimit(
        row.getEntry("staffingBand"),
        integer(row.getEntry("maxHiredStaff")),
        integer(row.getEntry("maxCaretakerStaff")),
        Boolean.TRUE.equals(row.getEntry("hasStandard")));
  }

  @Override
  public PayCap payCapFor(Role role) {
    DmnDecisionResultEntries row =
        engine.evaluateDecision(payCaps, Map.of("staffRole", role.name())).getSingleResult();
    if (row == null) {
      throw new IllegalStateException("no pay cap for " + role);
    }
    return new PayCap(
        row.getEntry("roleName"),
        decimal(row.getEntry("minMonthlyPay")),
        decimal(row.getEntry("maxMonthlyPay")));
  }

  private static Integer integer(Object value) {
    return value == null ? null : ((Number) value).intValue();
  }

  private static BigDecimal decimal(Object value) {
    return value == null ? null : Yuan.parse(value);
  }
}
