package cn.gov.linfen.fenhe.procedures.p3;

import static cn.gov.linfen.fenhe.procedures.p3.ScrapSteelRewardProcess.Variables.*;

import cn.gov.linfen.fenhe.common.CreditCode;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.common.FenheGroup;
import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.engine.AsPlatform;
import cn.gov.linfen.fenhe.security.ErrorJson;
import cn.gov.linfen.fenhe.security.FenheUser;
import cn.gov.linfen.fenhe.web.AccessDeniedException;
import cn.gov.linfen.fenhe.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * P3 over REST: the MIIT announcement list (read by officers and supervisors, changed by the city
 * industry-and-IT bureau only, every change audit-logged) and the half-yearly rounds for
 * supervisors (which enterprises applied, what was confirmed and paid, what is late), in Chinese.
 */
@RestController
@RequestMapping("/api/scrap-steel")
@EngineRole
@Tag(name = "废钢铁加工企业奖励资金")
public class ScrapSteelRewardController {

  private static final int MAX_NAME = 100;

  private final ScrapSteelRegisters registers;
  private final ProcessEngine engine;
  private final TransactionTemplate transactions;
  private final FenheClock clock;

  public ScrapSteelRewardController(
      ScrapSteelRegisters registers,
      ProcessEngine engine,
      PlatformTransactionManager transactionManager,
      FenheClock clock) {
    this.clock = clock;
    this.registers = registers;
    this.engine = engine;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  // ------------------------------------------------------------------ announcement list (P3-R01)

  @Operation(summary = "查看已公告的废钢铁加工企业名单")
  @GetMapping("/announced-enterprises")
  Map<String, Object> announced(@RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user) {
    boolean officer =
        user.groupIds().stream()
            .map(FenheGroup::byId)
            .anyMatch(g -> g.isPresent() && g.get().isCaseOfficerGroup());
    if (!officer && !user.seesEverything()) {
      throw new AccessDeniedException(P3Refusal.OFFICERS_SUPERVISORS_SEE_LIST.reason());
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ScrapSteelRegisters.Announced a : registers.announced()) {
      rows.add(entry(a));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("title", "纳入工信部公告管理的废钢铁加工企业名单");
    answer.put("total", rows.size());
    answer.put("enterprises", rows);
    return answer;
  }

  @Operation(summary = "公告一家废钢铁加工企业")
  @PostMapping("/announced-enterprises")
  ResponseEntity<Map<String, Object>> announce(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @RequestBody(required = false) Map<String, Object> body) {
    bureauOnly(user);
    Map<String, Object> input = body == null ? Map.of() : body;
    String code = input.get("creditCode") instanceof String s ? s.trim() : null;
    FieldError invalid = CreditCode.check("creditCode", code);
    if (invalid != null) {
      throw new InvalidInputException(invalid);
    }
    String name = input.get("enterpriseName") instanceof String s ? s.trim() : "";
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw new InvalidInputException(P3Refusal.ENTERPRISE_NAME_REQUIRED_MOST.at("enterpriseName"));
    }
    String announcement =
        input.get("announcement") instanceof String s && !s.isBlank() ? s.trim() : null;
    if (announcement != null && announcement.length() > 200) {
      throw new InvalidInputException(P3Refusal.ANNOUNCEMENT_MOST_CHARACTERS.at("announcement"));
    }
    Instant now = clock.now();
    Boolean added =
        transactions.execute(
            status -> registers.announce(code, name, announcement, user.id(), now));
    if (!Boolean.TRUE.equals(added)) {
      throw new InvalidInputException(P3Refusal.ENTERPRISE_LIST_ALREADY.at("creditCode"));
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(entry(new ScrapSteelRegisters.Announced(code, name, announcement, user.id(), now)));
  }

  @Operation(summary = "撤销一家企业的公告")
  @DeleteMapping("/announced-enterprises/{creditCode}")
  ResponseEntity<?> withdraw(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String creditCode) {
    bureauOnly(user);
    Boolean removed =
        transactions.execute(
            status -> registers.withdrawAnnouncement(creditCode.trim(), user.id()));
    if (!Boolean.TRUE.equals(removed)) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(ErrorJson.body("NotFound", P3Refusal.NOT_ON_LIST.at("creditCode")));
    }
    return ResponseEntity.noContent().build();
  }

  private static void bureauOnly(FenheUser user) {
    if (!user.isIn(FenheGroup.INDUSTRY_IT_BUREAU)) {
      throw new AccessDeniedException(P3Refusal.CITY_INDUSTRY_BUREAU_MAINTAINS_LIST.reason());
    }
  }

  private static Map<String, Object> entry(ScrapSteelRegisters.Announced a) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("creditCode", a.creditCode());
    row.put("enterpriseName", a.enterpriseName());
    row.put("announcement", a.announcement());
    row.put("addedBy", a.addedBy());
    row.put("addedAt", a.addedAt().toString());
    return row;
  }

  // ------------------------------------------------------------------ rounds (P3 step 6)

  /**
   * The overview of a round lists at most this many applications (far more than Linfen's
   * enterprises).
   */
  static final int MAX_APPLICATIONS = 1000;

  @Operation(summary = "查看半年度申报轮次")
  @GetMapping("/rounds/{period}")
  Map<String, Object> round(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user, @PathVariable String period) {
    if (!user.seesEverything() && !user.isIn(FenheGroup.INDUSTRY_IT_BUREAU)) {
      throw new AccessDeniedException(P3Refusal.SUPERVISORS_CITY_BUREAU_SEE_ROUNDS.reason());
    }
    Matcher matcher = ApplicationWindow.PERIOD.matcher(period);
    if (!matcher.matches()) {
      throw new InvalidInputException(P3Refusal.PERIOD_INVALID.at("period"));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("period", period);
    answer.put("periodLabel", ApplicationWindow.label(period));
    answer.put("periodMonths", ApplicationWindow.monthsOf(period));
    // who may see the round is decided above, not by the engine's per-definition grants
    answer.put("round", AsPlatform.call(engine.getIdentityService(), () -> roundOf(period)));
    long total =
        AsPlatform.call(
            engine.getIdentityService(),
            () ->
                engine
                    .getHistoryService()
                    .createHistoricProcessInstanceQuery()
                    .processDefinitionKey(ScrapSteelRewardProcess.KEY)
                    .variableValueEquals(PERIOD, period)
                    .count());
    List<Map<String, Object>> applications =
        AsPlatform.call(engine.getIdentityService(), () -> applicationsOf(period));
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String state : List.of("APPLIED", "RETURNED", "CONFIRMED", "PAID", "WITHDRAWN")) {
      counts.put(state, 0);
    }
    int late = 0;
    for (Map<String, Object> a : applications) {
      counts.merge((String) a.get("state"), 1, Integer::sum);
      late += Boolean.TRUE.equals(a.get("late")) ? 1 : 0;
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("applied", total);
    // the first MAX_APPLICATIONS applications of the round are listed (and counted by state)
    summary.put("listed", applications.size());
    summary.put("truncated", total > applications.size());
    summary.put("byState", counts);
    summary.put("late", late);
    answer.put("summary", summary);
    answer.put("applications", applications);
    return answer;
  }

  private Map<String, Object> roundOf(String period) {
    Map<String, Object> round = new LinkedHashMap<>();
    HistoricProcessInstance found =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(ScrapSteelRewardProcess.ROUND_KEY)
            .variableValueEquals(PERIOD, period)
            .orderByProcessInstanceStartTime()
            .desc()
            .listPage(0, 1)
            .stream()
            .findFirst()
            .orElse(null);
    if (found == null) {
      round.put("state", "NOT_OPENED");
      round.put("stateLabel", "未开启");
      return round;
    }
    Map<String, Object> variables = variables(found.getId());
    round.put("processInstanceId", found.getId());
    round.put("openedAt", iso(variables.get(ROUND_OPENED_AT)));
    round.put("windowClosesAt", iso(variables.get(WINDOW_CLOSES_AT)));
    round.put("closedAt", iso(variables.get(ROUND_CLOSED_AT)));
    boolean closed = found.getEndTime() != null;
    round.put("state", closed ? "CLOSED" : "OPEN");
    round.put("stateLabel", closed ? "已截止受理" : "受理中");
    return round;
  }

  private List<Map<String, Object>> applicationsOf(String period) {
    List<Map<String, Object>> rows = new ArrayList<>();
    Instant now = clock.now();
    for (HistoricProcessInstance instance :
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(ScrapSteelRewardProcess.KEY)
            .variableValueEquals(PERIOD, period)
            .orderByProcessInstanceStartTime()
            .asc()
            .listPage(0, MAX_APPLICATIONS)) {
      Map<String, Object> v = variables(instance.getId());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("businessKey", instance.getBusinessKey());
      row.put("processInstanceId", instance.getId());
      row.put("enterpriseName", v.get(ENTERPRISE_NAME));
      row.put("creditCode", v.get(CREDIT_CODE));
      row.put("county", v.get(COUNTY));
      row.put("miitListed", v.get(MIIT_LISTED));
      row.put("applicationDate", v.get(APPLICATION_DATE));
      row.put("dueAt", iso(v.get(DUE_AT)));
      row.put("rewardCity", v.get(REWARD_CITY));
      row.put("rewardCounty", v.get(REWARD_COUNTY));
      row.put("rewardTotal", v.get(REWARD_TOTAL));
      row.put("confirmedAt", iso(v.get(CONFIRMED_AT)));
      row.put("paidAt", iso(v.get(PAID_AT)));
      boolean withdrawn =
          "EndEvent_Withdrawn".equals(instance.getEndActivityId())
              || ScrapSteelRewardProcess.Decided.WITHDRAW.equals(v.get(APPLICANT_DECISION))
                  && instance.getEndTime() != null;
      String state;
      if (withdrawn) {
        state = "WITHDRAWN";
      } else if (v.get(PAID_AT) != null) {
        state = "PAID";
      } else if (v.get(CONFIRMED_AT) != null) {
        state = "CONFIRMED";
      } else if (ScrapSteelRewardProcess.Decided.RETURNED.equals(v.get(ROUND_OUTCOME))) {
        state = "RETURNED";
      } else {
        state = "APPLIED";
      }
      row.put("state", state);
      row.put(
          "stateLabel",
          switch (state) {
            case "WITHDRAWN" -> "已撤回";
            case "PAID" -> "已拨付";
            case "CONFIRMED" -> "已确认，待拨付";
            case "RETURNED" -> "已退回企业修改";
            default -> "已申请，审核确认中";
          });
      Date dueAt = v.get(DUE_AT) instanceof Date d ? d : null;
      boolean late =
          !withdrawn
              && (Boolean.TRUE.equals(v.get(OVERDUE))
                  || Boolean.FALSE.equals(v.get(PAID_ON_TIME))
                  || v.get(PAID_AT) == null && dueAt != null && now.isAfter(dueAt.toInstant()));
      row.put("late", late);
      row.put(
          "dueSoon",
          !late && !withdrawn && v.get(PAID_AT) == null && Boolean.TRUE.equals(v.get(DUE_SOON)));
      row.put("deadlineLabel", late ? "逾期" : Boolean.TRUE.equals(row.get("dueSoon")) ? "即将到期" : "");
      rows.add(row);
    }
    return rows;
  }

  /** The case-level (process instance scope) values of a case's variables. */
  private Map<String, Object> variables(String processInstanceId) {
    Map<String, Object> values = new HashMap<>();
    for (HistoricVariableInstance variable :
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(processInstanceId)
            .list()) {
      boolean caseScope = processInstanceId.equals(variable.getActivityInstanceId());
      if (caseScope || !values.containsKey(variable.getName())) {
        values.put(variable.getName(), variable.getValue());
      }
    }
    return values;
  }

  private static String iso(Object value) {
    return value instanceof Date date ? date.toInstant().toString() : null;
  }
}
