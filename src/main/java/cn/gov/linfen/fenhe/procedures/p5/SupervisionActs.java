package cn.gov.linfen.fenhe.procedures.p5;

import static cn.gov.linfen.fenhe.procedures.p5.SupervisionProcess.Variables.*;

import cn.gov.linfen.fenhe.calendar.WorkingDayCalendar;
import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.common.FenheGroup;
import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.engine.validation.InvalidTaskCompletionException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The acts' ledger and the listeners of supervision-act ({@code ${supervisionActs.…}}): one row per
 * act, written when the act is recorded, updated when it is submitted (P5-R01 on time?), found
 * abnormal and corrected (P5-R02 in time?). One INSERT and one UPDATE on the happy path.
 */
public class SupervisionActs {

  public static final String BEAN_NAME = "supervisionActs";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FORM_FIELDS =
      java.util.stream.Stream.concat(
              ActChecks.STORED_FIELDS.stream(),
              java.util.stream.Stream.of(INSPECTORS_TEXT, ACTED_AT))
          .toList();

  private final JdbcTemplate jdbc;
  private final InspectionLists lists;
  private final WorkingDayCalendar calendar;
  private final FenheClock clock;
  private final ActChecks checks;

  public SupervisionActs(
      JdbcTemplate jdbc,
      InspectionLists lists,
      WorkingDayCalendar calendar,
      FenheClock clock,
      ActChecks checks) {
    this.jdbc = jdbc;
    this.lists = lists;
    this.calendar = calendar;
    this.clock = clock;
    this.checks = checks;
  }

  /** P5-R01: 18:00 of the first working day after the act (1个工作日之内). */
  public Instant reportDue(Instant actedAt) {
    return calendar.deadline(actedAt, 1);
  }

  /** The group that records and corrects acts of the county (or the city's regulators). */
  public static String regulatorGroup(Object county) {
    return county instanceof String c && !c.isBlank()
        ? County.of(c).orElseThrow().groupOf(FenheGroup.COUNTY_REGULATOR)
        : FenheGroup.REGULATOR.id();
  }

  /** The approval service bureau that leads the county's (or the city's) supervision. */
  public static String leadGroup(Object county) {
    return county instanceof String c && !c.isBlank()
        ? County.of(c).orElseThrow().groupOf(FenheGroup.COUNTY_APPROVAL_SERVICE)
        : FenheGroup.APPROVAL_SERVICE_BUREAU.id();
  }

  /** The act of a start from the form (its fields) or from the API (its JSON). */
  public Map<String, Object> actOf(Map<String, Object> variables) {
    Object json = variables.get(ACT);
    if (json != null) {
      return parse(json.toString());
    }
    Map<String, Object> act = new LinkedHashMap<>();
    for (String f : FORM_FIELDS) {
      if (variables.get(f) != null) {
        act.put(f, variables.get(f));
      }
    }
    act.put(INSPECTORS, ActChecks.inspectors(variables.get(INSPECTORS_TEXT)));
    act.remove(INSPECTORS_TEXT);
    return act;
  }

  /**
   * Start listener: the act's one variable, whether its item is listed, and its ledger row (one
   * INSERT). Who corrects an abnormal act ({@code regulatorGroup}) is set on that path only.
   */
  public void open(DelegateExecution execution) {
    Map<String, Object> act = checks.normalized(actOf(execution.getVariables()));
    if (execution.getVariable(ACT) == null) {
      for (String f : FORM_FIELDS) {
        execution.removeVariable(f);
      }
      execution.setVariable(ACT, write(act));
    }
    if (execution.getVariable(ITEM_LISTED) == null) {
      execution.setVariable(
          ITEM_LISTED, lists.isListed((String) act.get(DEPARTMENT), (String) act.get(ITEM_CODE)));
    }
    insert(execution.getProcessBusinessKey(), act);
  }

  void insert(String key, Map<String, Object> act) {
    Instant acted = checks.instant(act.get(ACTED_AT)).orElseThrow();
    jdbc.update(
        "INSERT INTO fenhe_p5_act (act_key, department, county, item_code, kind, acted_at,"
            + " recorded_at, report_due) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        key,
        act.get(DEPARTMENT),
        act.get(COUNTY),
        act.get(ITEM_CODE),
        act.get(KIND),
        Timestamp.from(acted),
        Timestamp.from(clock.now()),
        Timestamp.from(reportDue(acted)));
  }

  /** End listener of the submission: when it reached the data centre, and whether on time. */
  public void submitted(DelegateExecution execution) {
    Instant now = clock.now();
    jdbc.update(
        "UPDATE fenhe_p5_act SET submitted_at = ?,"
            + " on_time = CASE WHEN report_due >= ? THEN TRUE ELSE FALSE END WHERE act_key = ?",
        Timestamp.from(now),
        Timestamp.from(now),
        execution.getProcessBusinessKey());
  }

  /** Start listener of the correction: the 3-working-day deadline, set once (P5-R02). */
  public void abnormal(DelegateExecution execution) {
    if (execution.getVariable(CORRECTION_DUE) != null) {
      return;
    }
    Instant now = clock.now();
    Instant due = calendar.deadline(now, 3);
    Map<String, Object> act = parse((String) execution.getVariable(ACT));
    execution.setVariable(CORRECTION_DUE, Date.from(due));
    execution.setVariable(LEAD_GROUP, leadGroup(act.get(COUNTY)));
    // who corrects it: the act's county's regulators (or the city's), needed on this path only
    execution.setVariable(REGULATOR_GROUP, regulatorGroup(act.get(COUNTY)));
    execution.setVariable(DEPARTMENT, act.get(DEPARTMENT));
    jdbc.update(
        "UPDATE fenhe_p5_act SET abnormal_at = ?, correction_due = ? WHERE act_key = ?",
        Timestamp.from(now),
        Timestamp.from(due),
        execution.getProcessBusinessKey());
  }

  /** The correction task: its fields shown (create), checked and stored back (complete). */
  public TaskListener correction() {
    return task -> {
      if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
        Map<String, Object> act = parse((String) task.getVariable(ACT));
        for (String f : FORM_FIELDS) {
          if (!f.equals(INSPECTORS_TEXT)) {
            task.setVariableLocal(f, act.getOrDefault(f, null));
          }
        }
        task.setVariableLocal(INSPECTORS_TEXT, ActChecks.inspectorsText(act.get(INSPECTORS)));
      } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
        completeCorrection(task);
      }
    };
  }

  private void completeCorrection(DelegateTask task) {
    // a form submitted to the task updates the task's own copies; a completion with variables
    // writes them to the case: the case's value wins, and is removed again (one variable per act)
    Map<String, Object> fields = new LinkedHashMap<>(task.getVariablesLocal());
    DelegateExecution scope = task.getExecution();
    for (String f : FORM_FIELDS) {
      if (scope.hasVariableLocal(f) || scope.getProcessInstance().hasVariableLocal(f)) {
        fields.put(f, scope.getVariable(f));
        scope.getProcessInstance().removeVariableLocal(f);
        scope.removeVariableLocal(f);
      }
    }
    Map<String, Object> act = actOf(fields);
    List<FieldError> errors = new java.util.ArrayList<>(checks.check("", act, clock.now()));
    Object note = task.getVariable(CORRECTION_NOTE);
    if (note == null || note.toString().isBlank()) {
      errors.add(
          cn.gov.linfen.fenhe.common.CommonRefusal.FIELD_REQUIRED.at(
              CORRECTION_NOTE, "处置说明", CORRECTION_NOTE));
    }
    if (!errors.isEmpty()) {
      throw new InvalidTaskCompletionException(task.getTaskDefinitionKey(), errors);
    }
    Map<String, Object> normalized = checks.normalized(act);
    DelegateExecution instance = task.getExecution().getProcessInstance();
    instance.setVariable(ACT, write(normalized));
    instance.setVariable(
        ITEM_LISTED,
        lists.isListed((String) normalized.get(DEPARTMENT), (String) normalized.get(ITEM_CODE)));
    instance.setVariable(REGULATOR_GROUP, regulatorGroup(normalized.get(COUNTY)));
    Instant now = clock.now();
    Instant acted = checks.instant(normalized.get(ACTED_AT)).orElseThrow();
    jdbc.update(
        "UPDATE fenhe_p5_act SET corrected_at = ?, corrected_in_time = CASE WHEN correction_due >="
            + " ? THEN TRUE ELSE FALSE END, department = ?, county = ?, item_code = ?, kind = ?,"
            + " acted_at = ?, report_due = ? WHERE act_key = ?",
        Timestamp.from(now),
        Timestamp.from(now),
        normalized.get(DEPARTMENT),
        normalized.get(COUNTY),
        normalized.get(ITEM_CODE),
        normalized.get(KIND),
        Timestamp.from(acted),
        Timestamp.from(reportDue(acted)),
        task.getExecution().getProcessBusinessKey());
  }

  /** The ledger row of an act (for the API and tests). */
  public Map<String, Object> row(String actKey) {
    List<Map<String, Object>> rows =
        jdbc.queryForList("SELECT * FROM fenhe_p5_act WHERE act_key = ?", actKey);
    if (rows.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> lower = new LinkedHashMap<>();
    rows.get(0).forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
    return lower;
  }

  public static Map<String, Object> parse(String json) {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("act is not JSON", e);
    }
  }

  public static String write(Map<String, Object> act) {
    try {
      return JSON.writeValueAsString(act);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
