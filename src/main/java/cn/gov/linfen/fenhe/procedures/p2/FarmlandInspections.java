package cn.gov.linfen.fenhe.procedures.p2;

import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Variables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/**
 * For farmland-inspection (P2-R09, P2-R11, P2-R17): who inspects. The monthly round has one
 * inspection per township of the division data ({@link FarmlandTownships}: county code → township
 * names); the quarterly joint round and the January publication one per county, all 17. Each
 * inspection's record is kept in its own sub-process instance (local variables), so parallel
 * inspections never overwrite each other. In BPMN: {@code ${farmlandInspections.townships()}},
 * {@code ${farmlandInspections.counties()}}.
 */
public class FarmlandInspections {

  public static final String BEAN_NAME = "farmlandInspections";
  static final String SEPARATOR = "/";

  /** The record fields of one inspection: local to its instance. */
  static final List<String> RECORD =
      List.of(
          Variables.INSPECTION_DATE,
          Variables.INSPECTORS,
          Variables.INSPECTION_FINDINGS,
          Variables.INSPECTION_SIGNED,
          Variables.VIOLATION_FOUND,
          Variables.VIOLATION_DESCRIPTION,
          Variables.INVESTIGATION_RESULT,
          Variables.AGRICULTURE_INSPECTORS,
          Variables.INSPECTION_CONFIRMED,
          Variables.CONFIRMATION_OPINION);

  /** The record of one county's yearly publication (P2-R17): local to its instance. */
  static final List<String> DISCLOSURE =
      List.of(
          Variables.PUBLISHED_ON,
          Variables.PUBLICATION_CHANNEL,
          Variables.FILINGS_PUBLISHED,
          Variables.LEDGER_PUBLISHED);

  private final Map<County, List<String>> townships;
  private final FenheClock clock;

  public FarmlandInspections(Map<String, List<String>> townshipsByCountyCode, FenheClock clock) {
    this.clock = clock;
    Map<County, List<String>> byCounty = new TreeMap<>();
    townshipsByCountyCode.forEach(
        (code, names) -> {
          County county =
              County.of(code)
                  .orElseThrow(
                      () ->
                          new IllegalStateException("township data names unknown county " + code));
          List<String> clean =
              names.stream().map(String::trim).filter(n -> !n.isEmpty()).distinct().toList();
          if (clean.stream().anyMatch(n -> n.contains(SEPARATOR))) {
            throw new IllegalStateException(
                "township data: a township name may not contain " + SEPARATOR);
          }
          byCounty.put(county, clean);
        });
    this.townships = byCounty;
  }

  /** One entry per township, {@code 尧都区/屯里镇}, in county order. */
  public List<String> townships() {
    List<String> units = new ArrayList<>();
    townships.forEach(
        (county, names) -> names.forEach(n -> units.add(county.chineseName() + SEPARATOR + n)));
    return units;
  }

  /** The 17 counties, cities and districts (Chinese names). */
  public List<String> counties() {
    return Arrays.stream(County.values()).map(County::chineseName).toList();
  }

  /**
   * Whether this month starts a quarter (1, 4, 7, 10 in Fenhe's time zone, engine clock): the joint
   * county round too.
   */
  public boolean quarterStart() {
    return today().getMonthValue() % 3 == 1;
  }

  /**
   * Whether this month is January (Fenhe's time zone, engine clock): the yearly publication of
   * filings and ledger (P2-R17).
   */
  public boolean yearStart() {
    return today().getMonthValue() == 1;
  }

  private LocalDate today() {
    return clock.today();
  }

  /**
   * Start of one county's yearly publication (P2-R17): the year published (the one before), the
   * county's filings of that year (filing number, operator, place, area; from the case history) and
   * an empty record, local to it.
   */
  public void openYearlyDisclosure(DelegateExecution execution) {
    String county = (String) execution.getVariable(Variables.INSPECTION_UNIT);
    int year = today().getYear() - 1;
    execution.setVariableLocal(Variables.COUNTY, county);
    execution.setVariableLocal(Variables.DISCLOSURE_YEAR, year);
    for (String field : DISCLOSURE) {
      execution.setVariableLocal(field, null);
    }
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    List<String> lines = new ArrayList<>();
    for (HistoricProcessInstance filing :
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(FarmlandProcess.KEY)
            .variableValueEquals(Variables.COUNTY, county)
            .orderByProcessInstanceStartTime()
            .asc()
            .list()) {
      Map<String, Object> v = new HashMap<>();
      history
          .createHistoricVariableInstanceQuery()
          .processInstanceId(filing.getId())
          .variableNameIn(
              Variables.FILING_NUMBER,
              Variables.FILED_AT,
              Variables.OPERATOR_NAME,
              Variables.TOWNSHIP,
              Variables.VILLAGE,
              Variables.AREA_MU,
              Variables.LAND_USE)
          .list()
          .forEach(h -> v.putIfAbsent(h.getName(), h.getValue()));
      if (v.get(Variables.FILED_AT) instanceof Date filedAt
          && clock.dateOf(filedAt.toInstant()).getYear() == year) {
        lines.add(
            v.get(Variables.FILING_NUMBER)
                + "："
                + v.get(Variables.OPERATOR_NAME)
                + "，"
                + v.get(Variables.TOWNSHIP)
                + v.get(Variables.VILLAGE)
                + "，"
                + v.get(Variables.AREA_MU)
                + " 亩，"
                + v.get(Variables.LAND_USE));
      }
    }
    execution.setVariableLocal(Variables.FILINGS_OF_YEAR, lines.size());
    execution.setVariableLocal(
        Variables.FILINGS_OF_YEAR_LIST,
        lines.isEmpty() ? year + " 年无备案" : String.join("\n", lines));
  }

  /**
   * Start of one township's inspection: its county and township and an empty record, local to it.
   */
  public void openTownshipInspection(DelegateExecution execution) {
    String unit = (String) execution.getVariable(Variables.INSPECTION_UNIT);
    int slash = unit.indexOf(SEPARATOR);
    open(execution, unit.substring(0, slash), unit.substring(slash + 1));
  }

  /** Start of one county's joint inspection. */
  public void openCountyInspection(DelegateExecution execution) {
    open(execution, (String) execution.getVariable(Variables.INSPECTION_UNIT), null);
  }

  private static void open(DelegateExecution execution, String county, String township) {
    execution.setVariableLocal(Variables.COUNTY, county);
    execution.setVariableLocal(Variables.TOWNSHIP, township);
    for (String field : RECORD) {
      execution.setVariableLocal(field, null);
    }
  }
}
