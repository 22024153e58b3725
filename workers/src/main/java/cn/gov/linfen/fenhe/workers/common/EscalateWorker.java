package cn.gov.linfen.fenhe.workers.common;

import cn.gov.linfen.fenhe.workers.WorkerClock;
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
 * Topic {@value #TOPIC}: the reusable escalation step. The service task's input parameters say
 * whom to alert ({@value #TO}, comma-separated group ids), why ({@value #REASON}), the missed
 * deadline ({@value #DEADLINE}, optional) and the case's overdue flag to set ({@value #FLAG},
 * optional). The record goes to the case: {@value #ESCALATIONS} (JSON list, appended),
 * {@value #LAST_MESSAGE}, {@value #LAST_TO}, {@value #LAST_AT}. Read, call, complete.
 */
@Component
@ExternalTaskSubscription(EscalateWorker.TOPIC)
public class EscalateWorker implements ExternalTaskHandler {

  public static final String TOPIC = "fenhe-escalate";
  public static final String TO = "escalationTo";
  public static final String REASON = "escalationReason";
  public static final String DEADLINE = "escalationDeadline";
  public static final String FLAG = "escalationFlag";
  public static final String ESCALATIONS = "escalations";
  public static final String LAST_MESSAGE = "lastEscalation";
  public static final String LAST_TO = "lastEscalationTo";
  public static final String LAST_AT = "lastEscalatedAt";

  private final Escalating escalating;
  private final WorkerClock clock;

  public EscalateWorker(Escalating escalating, WorkerClock clock) {
    this.escalating = escalating;
    this.clock = clock;
  }

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    Escalating.Escalation escalation;
    String list;
    String flag = task.getVariable(FLAG);
    try {
      escalation = escalating.escalate(task.getActivityId(), task.getVariable(TO), task.getVariable(REASON),
          deadline(task.getVariable(DEADLINE)), clock.now());
      Object existing = task.getVariable(ESCALATIONS);
      list = escalating.append(existing == null ? null : existing.toString(), escalation);
      if (flag != null && !flag.isBlank() && !flag.matches("[A-Za-z][A-Za-z0-9_]*")) {
        throw new Escalating.InvalidEscalation("escalationFlag 不是变量名 / not a variable name: " + flag);
      }
    } catch (Escalating.InvalidEscalation | ClassCastException e) {
      // a modelling error: an incident for the operators, the case waits; nothing is guessed
      service.handleFailure(task, "督办配置错误 / escalation misconfigured", e.getMessage(), 0, 0L);
      return;
    }
    Map<String, Object> output = new HashMap<>();
    output.put(ESCALATIONS, ClientValues.jsonValue(list));
    output.put(LAST_MESSAGE, escalation.message());
    output.put(LAST_TO, String.join(",", escalation.to()));
    output.put(LAST_AT, Date.from(escalation.escalatedAt()));
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
