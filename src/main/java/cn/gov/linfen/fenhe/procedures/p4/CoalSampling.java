package cn.gov.linfen.fenhe.procedures.p4;

import static cn.gov.linfen.fenhe.procedures.p4.CoalQualitySamplingProcess.Variables.*;

import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.common.FenheGroup;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * For coal-quality-sampling-round and coal-quality-sampling (P4): which counties plan, the register
 * recorded on each county's plan, the draw and the plan written to the ledger, each case's seller,
 * and the ledger kept as the case moves (from which coverage is counted). In BPMN: {@code
 * ${coalSampling.…}}. Runs in the engine's transaction: a refused step writes nothing.
 */
public class CoalSampling {

  public static final String BEAN_NAME = "coalSampling";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Variables local to one county's plan, so that parallel counties never overwrite each other. */
  static final List<String> PLAN_LOCALS =
      List.of(
          REGISTERED_SELLERS,
          REGISTERED_COUNT,
          DRAW_SEED,
          DRAW_TARGET,
          DRAWN_SELLERS,
          DRAWN_COUNT,
          DRAW_SUMMARY,
          ADDED_SELLERS,
          PLANNED_SELLERS,
          PLAN_NOTE,
          MONTH_SAMPLED,
          YEAR_SAMPLED,
          YEAR_REGISTERED,
          COVERAGE_SHORTFALL,
          COVERAGE_SUMMARY,
          MONTH_COVERAGE_PERCENT,
          YEAR_COVERAGE_PERCENT,
          "coverageEscalated");

  private final CoalRegisters registers;
  private final FenheClock clock;

  public CoalSampling(CoalRegisters registers, FenheClock clock) {
    this.registers = registers;
    this.clock = clock;
  }

  private Instant now() {
    return clock.now();
  }

  // ------------------------------------------------------------------ the round

  /** The counties planned: all 17, or the one named at a manual start ({@code onlyCounty}). */
  public List<String> counties(DelegateExecution execution) {
    Object only = execution.getVariable(ONLY_COUNTY);
    if (only instanceof String name && !name.isBlank()) {
      return List.of(County.of(name).orElseThrow().chineseName());
    }
    return Arrays.stream(County.values()).map(County::chineseName).toList();
  }

  /**
   * Start of one county's plan: the register as the draw sees it (each seller and whether it was
   * sampled this year), local to the county's plan; a seed given at a manual start is kept.
   */
  public void openCountyPlan(DelegateExecution execution) {
    Object seed = execution.getVariable(DRAW_SEED);
    for (String name : PLAN_LOCALS) {
      execution.setVariableLocal(name, null);
    }
    String county = (String) execution.getVariable(COUNTY);
    String month = (String) execution.getVariable(SAMPLING_MONTH);
    int year = YearMonth.parse(month).getYear();
    Set<String> sampled = Set.copyOf(registers.sampledInYear(county, year));
    List<Map<String, Object>> candidates = new ArrayList<>();
    for (CoalRegisters.Seller seller : registers.sellers(county)) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("creditCode", seller.creditCode());
      c.put("sellerName", seller.sellerName());
      c.put("zone", seller.zone());
      c.put("sampledThisYear", sampled.contains(seller.creditCode()));
      candidates.add(c);
    }
    execution.setVariableLocal(
        REGISTERED_SELLERS, SpinValues.jsonValue(CoalRegisters.json(candidates)).create());
    execution.setVariableLocal(REGISTERED_COUNT, candidates.size());
    if (seed instanceof String s && !s.isBlank()) {
      execution.setVariableLocal(DRAW_SEED, s.trim());
    }
  }

  /** End of the draw: the plan (seed, register, drawn) and the drawn sellers in the ledger. */
  public void recordDraw(DelegateExecution execution) {
    String county = (String) execution.getVariable(COUNTY);
    String month = (String) execution.getVariable(SAMPLING_MONTH);
    List<String> drawn = codes(execution.getVariable(DRAWN_SELLERS));
    if (registers.hasPlan(county, month)) {
      throw new IllegalStateException(county + " 已有 " + month + " 的抽检计划 / a plan exists already");
    }
    registers.recordDraw(
        county,
        month,
        (String) execution.getVariable(DRAW_SEED),
        ((Number) execution.getVariable(REGISTERED_COUNT)).intValue(),
        ((Number) execution.getVariable(DRAW_TARGET)).intValue(),
        String.valueOf(execution.getVariable(REGISTERED_SELLERS)),
        drawn,
        now());
    execution.setVariableLocal(PLANNED_SELLERS, new ArrayList<>(drawn));
  }

  /**
   * End of the plan's confirmation: the sellers added enter the ledger; the plan is drawn + added.
   */
  public void recordPlan(DelegateExecution execution) {
    String county = (String) execution.getVariable(COUNTY);
    String month = (String) execution.getVariable(SAMPLING_MONTH);
    List<String> planned = new ArrayList<>(codes(execution.getVariable(DRAWN_SELLERS)));
    for (String code : CoalChecks.addedCodes(execution.getVariable(ADDED_SELLERS))) {
      if (!planned.contains(code)) {
        planned.add(code);
        registers.addToLedger(county, month, code, "ADDED", now());
      }
    }
    execution.setVariableLocal(PLANNED_SELLERS, planned);
  }

  /** The business key of one seller's case, e.g. {@code CQS-202611-yaodu-91141002MA0K1A2B38}. */
  public String sampleKey(String county, String month, String creditCode) {
    return "CQS-"
        + month.replace("-", "")
        + "-"
        + County.of(county).orElseThrow().code()
        + "-"
        + creditCode;
  }

  /** The county's numbers at the end of the month, for the coverage check (P4-R05). */
  public void loadCoverage(DelegateExecution execution) {
    String county = (String) execution.getVariable(COUNTY);
    String month = (String) execution.getVariable(SAMPLING_MONTH);
    CoalRegisters.Coverage coverage = registers.coverage(county, month);
    int year = YearMonth.parse(month).getYear();
    setInPlan(execution, REGISTERED_COUNT, coverage.registered());
    setInPlan(execution, MONTH_SAMPLED, coverage.sampled());
    setInPlan(execution, YEAR_REGISTERED, registers.registeredNow(county));
    setInPlan(execution, YEAR_SAMPLED, registers.sampledOfRegisterInYear(county, year));
  }

  /**
   * Sets a variable where the county's plan declared it (never on the round, shared by the
   * counties).
   */
  private static void setInPlan(DelegateExecution execution, String name, Object value) {
    execution.setVariable(name, value);
  }

  // ------------------------------------------------------------------ one seller's case

  /**
   * Start of a seller's case: its name, kind, zone and address from the register; the ledger learns
   * the key.
   */
  public void openSample(DelegateExecution execution) {
    String code = (String) execution.getVariable(SELLER_CREDIT_CODE);
    CoalRegisters.Seller seller =
        registers
            .sellerEver(code)
            .orElseThrow(
                () -> new IllegalStateException("销售单位未登记 / seller not registered: " + code));
    execution.setVariable(SELLER_NAME, seller.sellerName());
    execution.setVariable(
        SELLER_KIND_LABEL,
        SellerKind.of(seller.sellerKind()).map(SellerKind::label).orElse(seller.sellerKind()));
    execution.setVariable(SELLER_ADDRESS, seller.address());
    execution.setVariable(ZONE, seller.zone());
    execution.setVariable(
        ZONE_LABEL, CoalZone.of(seller.zone()).map(CoalZone::label).orElse(seller.zone()));
    registers.caseStarted(
        (String) execution.getVariable(COUNTY),
        (String) execution.getVariable(SAMPLING_MONTH),
        code,
        execution.getProcessBusinessKey(),
        now());
  }

  /**
   * End of the sampling on site: the ledger counts the seller as sampled, or not (closed, moved).
   */
  public void recordSampling(DelegateExecution execution) {
    boolean sampled =
        CoalQualitySamplingProcess.Decided.SAMPLED.equals(execution.getVariable(SAMPLING_OUTCOME));
    Object on = execution.getVariable(SAMPLED_ON);
    registers.sampled(
        (String) execution.getVariable(COUNTY),
        (String) execution.getVariable(SAMPLING_MONTH),
        (String) execution.getVariable(SELLER_CREDIT_CODE),
        sampled,
        sampled ? CoalChecks.date(on, clock.zone()) : null,
        sampled ? (String) execution.getVariable(COAL_TYPE) : null,
        now());
  }

  /**
   * End of the decision: {@code conforms}, {@code clause} and the label people read; the ledger.
   */
  @SuppressWarnings("unchecked")
  public void recordConformity(DelegateExecution execution) {
    Map<String, Object> result = (Map<String, Object>) execution.getVariable(CONFORMITY_RESULT);
    if (result == null || !(result.get(CONFORMS) instanceof Boolean)) {
      throw new IllegalStateException("煤质判定表没有结论 / the conformity table gave no answer");
    }
    boolean conforms = (Boolean) result.get(CONFORMS);
    execution.setVariable(CONFORMS, conforms);
    execution.setVariable(CLAUSE, result.get(CLAUSE));
    execution.setVariable(CONFORMITY_LABEL, conforms ? "合格" : "不合格");
    execution.setVariable(RESULT_RECORDED_AT, java.util.Date.from(now()));
    registers.decided(
        (String) execution.getVariable(COUNTY),
        (String) execution.getVariable(SAMPLING_MONTH),
        (String) execution.getVariable(SELLER_CREDIT_CODE),
        conforms,
        now());
  }

  /**
   * The group of a violation's handler: the county's market supervision department, or a city
   * bureau.
   */
  public String handlerGroup(String handler, String county) {
    if (CoalQualitySamplingProcess.Decided.HANDLER_MARKET_SUPERVISION.equals(handler)) {
      return County.of(county).orElseThrow().groupOf(FenheGroup.COUNTY_MARKET_SUPERVISION);
    }
    return FenheGroup.byId(handler)
        .orElseThrow(() -> new IllegalStateException("unknown handler " + handler))
        .id();
  }

  /** The loop closed: the ledger counts the failed sample as disposed. */
  public void recordDisposed(DelegateExecution execution) {
    registers.disposed(
        (String) execution.getVariable(COUNTY),
        (String) execution.getVariable(SAMPLING_MONTH),
        (String) execution.getVariable(SELLER_CREDIT_CODE),
        now());
  }

  /** A JSON list of credit codes (a Json variable or its text). */
  static List<String> codes(Object json) {
    List<String> codes = new ArrayList<>();
    if (json == null) {
      return codes;
    }
    if (json instanceof List<?> list) {
      list.forEach(o -> codes.add(String.valueOf(o)));
      return codes;
    }
    try {
      for (JsonNode node : JSON.readTree(json.toString())) {
        codes.add(node.asText());
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("not a JSON list: " + json, e);
    }
    return codes;
  }

  LocalDate today() {
    return clock.today();
  }
}
