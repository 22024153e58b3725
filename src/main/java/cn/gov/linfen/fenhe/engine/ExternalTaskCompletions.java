package cn.gov.linfen.fenhe.engine;

import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.security.EngineErrors;
import cn.gov.linfen.fenhe.security.ErrorJson;
import cn.gov.linfen.fenhe.web.InvalidInputException;
import cn.gov.linfen.fenhe.web.PlatformRefusal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/external-tasks/complete}: the workers complete many locked external tasks in one
 * transaction, all or nothing. Each completion is the engine's own ({@code
 * ExternalTaskService.complete}: the task must be locked by the worker, the caller must be allowed
 * to update its process instance: authorizations are checked for every task as the caller, or once
 * for the batch when the caller may update every instance, {@link ExternalTaskAuthorizations}),
 * only the transaction is shared; a refusal of one rolls back all of them and names its index, so
 * the worker completes them one by one instead (workers/completion/CompletionBatches). Variables
 * are of the plain types only (String, Boolean, Integer, Long, Double, Date, Null): no serialized
 * objects.
 *
 * <p>Why: a completion through the engine REST API was one HTTP request, one authentication, one
 * transaction and one commit per task; for P5's acts (two external tasks each) that was about half
 * of the application's CPU per act and the latency that bound the workers (docs/benchmarks.md,
 * section 8).
 */
@RestController
@EngineRole
@Tag(name = "外部任务")
public class ExternalTaskCompletions {

  /** At most this many completions per request. */
  public static final int MAX_BATCH = 200;

  private static final Set<String> TYPES =
      Set.of("String", "Boolean", "Integer", "Long", "Double", "Date", "Null");

  /** One task's completion: its id and the variables it sets on the case. */
  public record Completion(String id, Map<String, TypedVariable> variables) {}

  /** A variable in the engine REST API's form ({@code {"value": …, "type": "Boolean"}}). */
  public record TypedVariable(Object value, String type) {}

  /** The completions of one worker. */
  public record Batch(String workerId, List<Completion> tasks) {}

  /** The answer: how many were completed. */
  public record Completed(int completed) {}

  /** The metric of the tasks completed through this endpoint (Prometheus, actuator). */
  public static final String COMPLETED_METRIC = "fenhe.external.tasks.batch.completed";

  private final ProcessEngine engine;
  private final Counter completed;

  public ExternalTaskCompletions(ProcessEngine engine, MeterRegistry meters) {
    this.engine = engine;
    this.completed =
        Counter.builder(COMPLETED_METRIC)
            .description("External tasks completed in batches by the workers")
            .register(meters);
  }

  @PostMapping("/api/external-tasks/complete")
  @Operation(summary = "批量完成外部任务（工作程序使用，全部完成或全部不变）")
  public ResponseEntity<?> complete(@RequestBody Batch batch) {
    if (batch.workerId() == null || batch.workerId().isBlank()) {
      throw new InvalidInputException(PlatformRefusal.REQUIRED.at("workerId"));
    }
    List<Completion> tasks = batch.tasks() == null ? List.of() : batch.tasks();
    if (tasks.isEmpty()) {
      throw new InvalidInputException(PlatformRefusal.COMPLETIONS_EMPTY.at("tasks"));
    }
    if (tasks.size() > MAX_BATCH) {
      throw new InvalidInputException(
          PlatformRefusal.COMPLETIONS_TOO_MANY.at("tasks", MAX_BATCH, tasks.size()));
    }
    List<VariableMap> variables =
        IntStream.range(0, tasks.size()).mapToObj(i -> variables(i, tasks.get(i))).toList();
    try {
      ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
          .getCommandExecutorTxRequired()
          .execute(
              context -> {
                // the workers' user may update every instance: the per-task check would pass for
                // each one (ExternalTaskAuthorizations); anyone else is checked task by task
                if (context.getAuthorizationManager() instanceof ExternalTaskAuthorizations workers
                    && workers.mayWorkEveryInstance()) {
                  context.disableAuthorizationCheck();
                }
                for (int i = 0; i < tasks.size(); i++) {
                  try {
                    engine
                        .getExternalTaskService()
                        .complete(tasks.get(i).id(), batch.workerId(), variables.get(i));
                  } catch (ProcessEngineException e) {
                    throw new Refused(i, e);
                  }
                }
                return null;
              });
    } catch (Refused refused) {
      return refusal(refused);
    }
    completed.increment(tasks.size());
    return ResponseEntity.ok(new Completed(tasks.size()));
  }

  private static VariableMap variables(int index, Completion completion) {
    if (completion == null || completion.id() == null || completion.id().isBlank()) {
      throw new InvalidInputException(PlatformRefusal.REQUIRED.at("tasks[" + index + "].id"));
    }
    VariableMap map = Variables.createVariables();
    if (completion.variables() == null) {
      return map;
    }
    completion
        .variables()
        .forEach(
            (name, variable) -> {
              String field = "tasks[" + index + "].variables." + name;
              map.putValue(name, value(field, variable));
            });
    return map;
  }

  private static Object value(String field, TypedVariable variable) {
    String type = variable == null ? null : variable.type();
    if (type == null || !TYPES.contains(type)) {
      throw new InvalidInputException(PlatformRefusal.BODY_UNREADABLE.at(field + ".type"));
    }
    Object value = variable.value();
    if (value == null || type.equals("Null")) {
      return null;
    }
    try {
      return switch (type) {
        case "String" -> (String) value;
        case "Boolean" -> (Boolean) value;
        case "Integer" -> ((Number) value).intValue();
        case "Long" -> ((Number) value).longValue();
        case "Double" -> ((Number) value).doubleValue();
        default -> Date.from(OffsetDateTime.parse((String) value).toInstant());
      };
    } catch (ClassCastException | DateTimeParseException e) {
      throw new InvalidInputException(PlatformRefusal.BODY_UNREADABLE.at(field + ".value"));
    }
  }

  private ResponseEntity<ErrorJson.Body> refusal(Refused refused) {
    ProcessEngineException cause = (ProcessEngineException) refused.getCause();
    int status =
        cause instanceof AuthorizationException
            ? 403
            : cause instanceof NotFoundException || cause instanceof NullValueException
                ? 404
                : cause instanceof BadUserRequestException ? 409 : 500;
    EngineErrors.Answer answer =
        EngineErrors.of(
            cause.getClass().getSimpleName(),
            cause.getMessage(),
            status,
            engine.getIdentityService());
    return ResponseEntity.status(answer.status())
        .body(
            ErrorJson.body(
                answer.type(),
                PlatformRefusal.COMPLETION_REFUSED.at(
                    "tasks[" + refused.index + "].id",
                    refused.index,
                    answer.error().chinese(),
                    answer.error().english())));
  }

  /** One completion refused by the engine: the whole transaction rolls back. */
  static final class Refused extends ProcessEngineException {
    final int index;

    Refused(int index, ProcessEngineException cause) {
      super(cause.getMessage(), cause);
      this.index = index;
    }
  }
}
