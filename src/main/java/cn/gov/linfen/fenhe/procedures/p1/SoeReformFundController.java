package cn.gov.linfen.fenhe.procedures.p1;

import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Variables.*;

import cn.gov.linfen.fenhe.audit.AuditLog;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.engine.AsPlatform;
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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The applicant's withdrawal of a P1 application (国企改革专项资金) as an action, not a standing task:
 * {@code POST /api/cases/{businessKey}/withdraw} {@code {"withdrawalReason": "…"}} — only the
 * case's applicant (403 otherwise), a reason (400), a running P1 case (404), before sign-off (409
 * once the application phase has ended). Correlates the message {@value
 * SoeReformFundProcess.Messages#WITHDRAWAL_REQUESTED} on the application phase's boundary as the
 * platform (the applicant has no UPDATE right on the instance, which would also let him change its
 * variables), records the reason, who and when, and an audit row, in one transaction.
 */
@RestController
@EngineRole
@Tag(name = "国企改革专项资金")
public class SoeReformFundController {

  private final ProcessEngine engine;
  private final CompletionChecks checks;
  private final AuditLog audit;
  private final TransactionTemplate transactions;
  private final FenheClock clock;

  public SoeReformFundController(
      ProcessEngine engine,
      CompletionChecks checks,
      AuditLog audit,
      PlatformTransactionManager transactionManager,
      FenheClock clock) {
    this.clock = clock;
    this.engine = engine;
    this.checks = checks;
    this.audit = audit;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @Operation(summary = "申请人撤回申请")
  @PostMapping("/api/cases/{businessKey}/withdraw")
  ResponseEntity<?> withdraw(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String businessKey,
      @RequestBody(required = false) Map<String, Object> body) {
    ProcessInstance instance =
        asPlatform(
            () ->
                engine
                    .getRuntimeService()
                    .createProcessInstanceQuery()
                    .processDefinitionKey(SoeReformFundProcess.KEY)
                    .processInstanceBusinessKey(businessKey)
                    .singleResult());
    if (instance == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(ErrorJson.body("NotFound", P1Refusal.NO_RUNNING_CASE.at("businessKey")));
    }
    Object applicant =
        asPlatform(() -> engine.getRuntimeService().getVariable(instance.getId(), APPLICANT));
    if (!user.id().equals(applicant)) {
      throw new AccessDeniedException(P1Refusal.ONLY_APPLICANT_WITHDRAWS.reason());
    }
    Map<String, Object> input = body == null ? Map.of() : body;
    List<FieldError> errors = checks.withdrawal(input);
    if (!errors.isEmpty()) {
      FieldError error = errors.get(0);
      throw new InvalidInputException(error);
    }
    boolean open =
        asPlatform(
            () ->
                engine
                        .getRuntimeService()
                        .createEventSubscriptionQuery()
                        .processInstanceId(instance.getId())
                        .eventType("message")
                        .eventName(SoeReformFundProcess.Messages.WITHDRAWAL_REQUESTED)
                        .count()
                    > 0);
    if (!open) {
      return ResponseEntity.status(HttpStatus.CONFLICT)
          .body(
              ErrorJson.body(
                  "ConflictException",
                  P1Refusal.APPLICATION_HAS_BEEN_SIGNED_OFF.at("businessKey")));
    }
    Date now = clock.nowAsDate();
    String reason = String.valueOf(input.get(WITHDRAWAL_REASON)).trim();
    Map<String, Object> variables = new HashMap<>();
    variables.put(WITHDRAWAL_REASON, reason);
    variables.put(WITHDRAWN_BY, user.id());
    variables.put(WITHDRAWN_AT, now);
    transactions.executeWithoutResult(
        status -> {
          asPlatform(
              () ->
                  engine
                      .getRuntimeService()
                      .createMessageCorrelation(SoeReformFundProcess.Messages.WITHDRAWAL_REQUESTED)
                      .processInstanceId(instance.getId())
                      .setVariables(variables)
                      .correlateWithResult());
          audit.record(
              user.id(),
              "P1_APPLICATION_WITHDRAWN",
              "case:" + businessKey,
              "{\"withdrawalReason\":" + quoted(reason) + "}");
        });
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("businessKey", businessKey);
    answer.put("withdrawnAt", now.toInstant().toString());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
  }

  private static String quoted(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T asPlatform(Supplier<T> work) {
    return AsPlatform.call(engine.getIdentityService(), work);
  }
}
