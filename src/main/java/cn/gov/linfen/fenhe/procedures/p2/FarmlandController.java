package cn.gov.linfen.fenhe.procedures.p2;

import static cn.gov.linfen.fenhe.procedures.p2.FarmlandProcess.Variables.*;

import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.common.FenheGroup;
import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.engine.AsPlatform;
import cn.gov.linfen.fenhe.engine.validation.InvalidStartException;
import cn.gov.linfen.fenhe.security.ErrorJson;
import cn.gov.linfen.fenhe.security.FenheUser;
import cn.gov.linfen.fenhe.web.AccessDeniedException;
import cn.gov.linfen.fenhe.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform API of P2 (设施农业用地):
 *
 * <ul>
 *   <li>{@code POST /api/farmland/{businessKey}/objections} — an objection (异议) to a running public
 *       notice, lodged by the village committee or the township government of the case's county:
 *       correlated to the case as the message {@value FarmlandProcess#OBJECTION_MESSAGE} (202);
 *       refused with 409 naming the reason in Chinese and English once the notice has ended
 *       (P2-R02, P2-R03).
 *   <li>{@code POST /api/farmland/{businessKey}/changes} — a change of use or scale after filing
 *       (P2-R08): the applicant starts a new agreement and filing, linked by {@code
 *       previousFilingKey}.
 * </ul>
 */
@RestController
@EngineRole
@Tag(name = "设施农业用地")
public class FarmlandController {

  /**
   * What a change of use or scale may change; everything else is carried over from the filed case.
   */
  static final List<String> CHANGEABLE =
      List.of(FACILITY_TYPE, AREA_MU, LAND_USE, TERM_YEARS, USES_PERMANENT_BASIC_FARMLAND);

  /** Carried over from the filed case to the new one. */
  static final List<String> CARRIED =
      List.of(
          APPLICANT_PARTY,
          OPERATOR_NAME,
          VILLAGE_COLLECTIVE,
          COUNTY,
          TOWNSHIP,
          VILLAGE,
          FACILITY_TYPE,
          AREA_MU,
          LAND_USE,
          TERM_YEARS,
          USES_PERMANENT_BASIC_FARMLAND,
          FACILITY_LOCATION,
          RECLAMATION_REQUIREMENTS,
          LAND_RETURN,
          BREACH_LIABILITY);

  private final ProcessEngine engine;
  private final FarmlandChecks checks;
  private final FenheClock clock;

  public FarmlandController(ProcessEngine engine, FarmlandChecks checks, FenheClock clock) {
    this.engine = engine;
    this.checks = checks;
    this.clock = clock;
  }

  @Operation(summary = "登记对公告的异议")
  @PostMapping("/api/farmland/{businessKey}/objections")
  ResponseEntity<?> objection(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String businessKey,
      @RequestBody(required = false) Map<String, Object> body) {
    ProcessInstance instance =
        asPlatform(
            () ->
                engine
                    .getRuntimeService()
                    .createProcessInstanceQuery()
                    .processDefinitionKey(FarmlandProcess.KEY)
                    .processInstanceBusinessKey(businessKey)
                    .singleResult());
    if (instance == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(ErrorJson.body("NotFound", P2Refusal.NO_RUNNING_CASE.at("businessKey")));
    }
    Map<String, Object> variables =
        asPlatform(
            () ->
                engine
                    .getRuntimeService()
                    .getVariables(instance.getId(), List.of(COUNTY, NOTICE_ENDS_AT, NOTICE_ROUND)));
    String county = (String) variables.get(COUNTY);
    if (!mayRecordObjections(user, county)) {
      throw new AccessDeniedException(
          P2Refusal.VILLAGE_COMMITTEE_TOWNSHIP_GOVERNMENT_CASE.reason());
    }
    String objector = text(body, OBJECTOR, "异议人", "the objector");
    String content = text(body, OBJECTION_CONTENT, "异议内容", "the objection");
    Date now = clock.nowAsDate();
    boolean listening =
        asPlatform(
            () ->
                engine
                        .getRuntimeService()
                        .createEventSubscriptionQuery()
                        .processInstanceId(instance.getId())
                        .eventType("message")
                        .eventName(FarmlandProcess.OBJECTION_MESSAGE)
                        .count()
                    > 0);
    FieldError late =
        checks.lateObjection(listening ? variables.get(NOTICE_ENDS_AT) : null, now.toInstant());
    if (late != null) {
      return ResponseEntity.status(HttpStatus.CONFLICT)
          .body(ErrorJson.body("ConflictException", late));
    }
    Map<String, Object> local = new HashMap<>();
    local.put(OBJECTOR, objector);
    local.put(OBJECTION_CONTENT, content);
    local.put(OBJECTION_LODGED_AT, now);
    local.put(OBJECTION_CHANNEL, FarmlandProcess.Decided.CHANNEL_MESSAGE);
    asPlatform(
        () ->
            engine
                .getRuntimeService()
                .createMessageCorrelation(FarmlandProcess.OBJECTION_MESSAGE)
                .processInstanceId(instance.getId())
                .setVariablesLocal(local)
                .correlateWithResult());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("businessKey", businessKey);
    answer.put("lodgedAt", now.toInstant().toString());
    answer.put("noticeRound", variables.get(NOTICE_ROUND));
    answer.put("noticeEndsAt", ((Date) variables.get(NOTICE_ENDS_AT)).toInstant().toString());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
  }

  @Operation(summary = "申报设施农业用地的变更")
  @PostMapping("/api/farmland/{businessKey}/changes")
  ResponseEntity<?> change(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String businessKey,
      @RequestBody(required = false) Map<String, Object> body) {
    HistoricProcessInstance filed =
        asPlatform(
            () ->
                engine
                    .getHistoryService()
                    .createHistoricProcessInstanceQuery()
                    .processDefinitionKey(FarmlandProcess.KEY)
                    .processInstanceBusinessKey(businessKey)
                    .singleResult());
    if (filed == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(ErrorJson.body("NotFound", P2Refusal.NO_CASE.at("businessKey")));
    }
    Map<String, Object> old = new HashMap<>();
    asPlatform(
        () -> {
          for (HistoricVariableInstance v :
              engine
                  .getHistoryService()
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(filed.getId())
                  .list()) {
            if (v.getActivityInstanceId() == null
                || v.getActivityInstanceId().equals(filed.getId())) {
              old.put(v.getName(), v.getValue());
            }
          }
          return null;
        });
    if (!user.id().equals(old.get(APPLICANT))) {
      throw new AccessDeniedException(P2Refusal.OPERATOR_FILED_CASE_APPLY_CHANGE.reason());
    }
    if (!Boolean.TRUE.equals(old.get(CONSTRUCTION_PERMITTED)) || old.get(FILING_NUMBER) == null) {
      return ResponseEntity.status(HttpStatus.CONFLICT)
          .body(
              ErrorJson.body(
                  "ConflictException", P2Refusal.CASE_FILED_YET_CHANGE_USE.at("businessKey")));
    }
    Map<String, Object> changes = body == null ? Map.of() : body;
    for (String field : changes.keySet()) {
      if (!CHANGEABLE.contains(field) && !field.equals("changeReason")) {
        throw new InvalidInputException(
            P2Refusal.ITEM_CANNOT_CHANGED_CHANGEABLE.at(field, String.join(", ", CHANGEABLE)));
      }
    }
    if (changes.keySet().stream().noneMatch(CHANGEABLE::contains)) {
      throw new InvalidInputException(P2Refusal.LEAST_ITEM_CHANGE.at("changes"));
    }
    String reason = text(changes, "changeReason", "变更理由", "the reason of the change");
    Map<String, Object> start = new LinkedHashMap<>();
    for (String name : CARRIED) {
      if (old.containsKey(name)) {
        start.put(name, old.get(name));
      }
    }
    for (String name : CHANGEABLE) {
      if (changes.containsKey(name)) {
        start.put(name, changes.get(name));
      }
    }
    start.put(PREVIOUS_FILING_KEY, businessKey);
    start.put("changeReason", reason);
    ProcessInstance started;
    try {
      // as the user: he becomes the applicant (initiator) of the new case
      started = engine.getRuntimeService().startProcessInstanceByKey(FarmlandProcess.KEY, start);
    } catch (InvalidStartException e) {
      FieldError first = e.errors().get(0);
      throw new InvalidInputException(first);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("businessKey", started.getBusinessKey());
    answer.put("processInstanceId", started.getId());
    answer.put(PREVIOUS_FILING_KEY, businessKey);
    return ResponseEntity.status(HttpStatus.CREATED).body(answer);
  }

  static boolean mayRecordObjections(FenheUser user, String county) {
    if (user.isAdmin()) {
      return true;
    }
    County of = County.of(county).orElse(null);
    return of != null
        && (user.groupIds().contains(of.groupOf(FenheGroup.VILLAGE_COMMITTEE))
            || user.groupIds().contains(of.groupOf(FenheGroup.TOWNSHIP_GOVERNMENT)));
  }

  private static String text(
      Map<String, Object> body, String field, String chinese, String english) {
    Object value = body == null ? null : body.get(field);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new InvalidInputException(P2Refusal.TEXT_REQUIRED.at(field, chinese, english));
    }
    if (text.length() > 2000) {
      throw new InvalidInputException(P2Refusal.CHANGE_TEXT_TOO_LONG.at(field, chinese, english));
    }
    return text.trim();
  }

  private <T> T asPlatform(Supplier<T> work) {
    return AsPlatform.call(engine.getIdentityService(), work);
  }
}
