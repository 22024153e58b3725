package cn.gov.linfen.fenhe.workers.common;

import cn.gov.linfen.fenhe.common.Escalating;
import cn.gov.linfen.fenhe.common.FenheClock;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.camunda.bpm.client.variable.ClientValues;
import org.springframework.stereotype.Component;

/**
 * Topic {@value Escalating#TOPIC}: the reusable escalation step. The service task's input
 * parameters say whom to alert ({@value Escalating#TO}, comma-separated group ids), why ({@value
 * Escalating#REASON}), the missed deadline ({@value Escalating#DEADLINE}, optional) and the case's
 * overdue flag to set ({@value Escalating#FLAG}, optional). The record goes to the case: {@value
 * Escalating#ESCALATIONS} (JSON list, appended), {@value Escalating#LAST_MESSAGE}, {@value
 * Escalating#LAST_TO}, {@value Escalating#LAST_AT}. Read, call, complete.
 */
@Component
@ExternalTaskSubscription(Escalating.TOPIC)
public class EscalateWorker implements ExternalTaskHandler {

  private final Escalating escalating;
  private final FenheClock clock;

  public EscalateWorker(Escalating escalating, FenheClock clock) {
    this.escalating = escalating;
    this.clock = clock;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    Escalating.Escalation escalation;
    String list;
    String flag = task.getVariable(Escalating.FLAG);
    try {
      escalation =
          escalating.escalate(
              task.getActivityId(),
              task.getVariable(Escalating.TO),
              task.getVariable(Escalating.REASON),
              deadline(task.getVariable(Escalating.DEADLINE)),
              clock.now());
      Object existing = task.getVariable(Escalating.ESCALATIONS);
      list = escalating.append(existing == null ? null : existing.toString(), escalation);
      if (flag != null && !flag.isBlank() && !flag.matches("[A-Za-z][A-Za-z0-9_]*")) {
        throw new Escalating.InvalidEscalation(
            "escalationFlag 不是变量名 / not a variable name: " + flag);
      }
    } catch (Escalating.InvalidEscalation | ClassCastException e) {
      // a modelling error: an incident for the operators, the case waits; nothing is guessed
      service.handleFailure(task, "督办配置错误 / escalation misconfigured", e.getMessage(), 0, 0L);
      return;
    }
    Map<String, Object> output = new HashMap<>();
    output.put(Escalating.ESCALATIONS, ClientValues.jsonValue(list));
    output.put(Escalating.LAST_MESSAGE, escalating.message(escalation));
    output.put(Escalating.LAST_TO, String.join(",", escalation.to()));
    output.put(Escalating.LAST_AT, Date.from(escalation.escalatedAt()));
    if (flag != null && !flag.isBlank()) {
      output.put(flag, true);
    }
    service.complete(task, output);
  }

  /** A date, or nothing (an optional parameter left empty in the Modeler arrives as ""). */
  private static java.time.Instant deadline(Object value) {
    if (value == null || value instanceof String text && text.isBlank()) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    throw new Escalating.InvalidEscalation("escalationDeadline 不是日期 / not a date: " + value);
  }
}
